#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian's Chromium for the browser tests (Playwright drives it;
# it never downloads a browser of its own). Idempotent: does nothing when Chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "tools/setup.sh: chromium is missing; install it as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
