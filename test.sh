#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need first (see tools/setup.sh), and starts a throwaway
# PostgreSQL for the PostgreSQL store's tests (tools/postgres.sh), stopped at the end; a server named in
# SOCIALREPORT_TEST_POSTGRES (an Npgsql connection string) is used instead.
set -euo pipefail
cd "$(dirname "$0")"
tools/setup.sh
if [ -z "${SOCIALREPORT_TEST_POSTGRES:-}" ]; then
  SOCIALREPORT_TEST_POSTGRES="$(tools/postgres.sh start)"
  trap 'tools/postgres.sh stop' EXIT
fi
export SOCIALREPORT_TEST_POSTGRES
dotnet test SocialReport.sln --nologo "$@"
