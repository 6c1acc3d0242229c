#!/usr/bin/env bash
# Builds the Teams app package to sideload or publish: manifest.json with the ids filled in, fr.json and the icons.
#
#   BOT_ID=<the bot's Microsoft App ID> BOT_DOMAIN=<host name of the bot> ./package.sh [out.zip]
#
# Optional: TEAMS_APP_ID (the Teams app's own GUID; default BOT_ID), APP_VERSION (default 1.0.0).
# Default output: bot-manifests/teams/build/socialreport-teams.zip
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

: "${BOT_ID:?set BOT_ID to the Microsoft App ID of the bot (a GUID)}"
: "${BOT_DOMAIN:?set BOT_DOMAIN to the host name the bot answers on, e.g. socialreport.example.org}"
TEAMS_APP_ID=${TEAMS_APP_ID:-$BOT_ID}
APP_VERSION=${APP_VERSION:-1.0.0}

guid='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
[[ $BOT_ID =~ $guid ]] || { echo "BOT_ID is not a GUID: $BOT_ID" >&2; exit 2; }
[[ $TEAMS_APP_ID =~ $guid ]] || { echo "TEAMS_APP_ID is not a GUID: $TEAMS_APP_ID" >&2; exit 2; }
[[ $BOT_DOMAIN =~ ^[A-Za-z0-9.-]+(:[0-9]+)?$ ]] || { echo "BOT_DOMAIN must be a bare host name, without scheme or path: $BOT_DOMAIN" >&2; exit 2; }
[[ $APP_VERSION =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "APP_VERSION must be major.minor.patch: $APP_VERSION" >&2; exit 2; }

out=${1:-$here/build/socialreport-teams.zip}
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s|\${{BOT_ID}}|$BOT_ID|g" \
    -e "s|\${{TEAMS_APP_ID}}|$TEAMS_APP_ID|g" \
    -e "s|\${{BOT_DOMAIN}}|$BOT_DOMAIN|g" \
    -e "s|\${{APP_VERSION}}|$APP_VERSION|g" \
    "$here/manifest.json" > "$work/manifest.json"
if grep -q '\${{' "$work/manifest.json"; then
  echo "placeholders left in manifest.json:" >&2
  grep -o '\${{[A-Z_]*}}' "$work/manifest.json" | sort -u >&2
  exit 1
fi
cp "$here/fr.json" "$here/color.png" "$here/outline.png" "$work/"

rm -f "$out"
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out" manifest.json fr.json color.png outline.png)
else
  (cd "$work" && python3 -m zipfile -c "$out" manifest.json fr.json color.png outline.png)
fi
echo "$out"
