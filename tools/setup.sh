#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium for the browser tests (Playwright drives it;
# it never downloads a browser of its own), and Node.js with npm (the build fetches the web preview's Adaptive Cards
# renderer with it, which the browser tests draw; the Teams manifest test validates with it). The build itself
# succeeds without npm, with one warning. Idempotent: does nothing when both are already there.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "tools/setup.sh: missing ${missing[*]}; install as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v chromium >/dev/null
command -v npm >/dev/null
