#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first (see tools/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
dotnet test SocialReport.sln --nologo "$@"
