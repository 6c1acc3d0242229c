#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `tools/postgres.sh start` initdb's one under
# $SOCIALREPORT_POSTGRES_DIR (default: a directory under the system temp folder, remembered in .postgres/ of the
# repository), starts it listening on a unix socket only (no port to collide with), and prints its Npgsql connection
# string; `start` again reuses the running one. `tools/postgres.sh stop` stops it and deletes it. `env` prints the
# connection string of the running one.
# Needs Debian's PostgreSQL server (initdb, pg_ctl): installed with apt-get when missing and run as root. PostgreSQL
# refuses to run as root: as root, the cluster belongs to the `postgres` user (else `nobody`) and runs as that user.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
state="$repo/.postgres"
say() { echo "tools/postgres.sh: $*" >&2; }

bindir() {
  local dir
  for dir in "$(pg_config --bindir 2>/dev/null || true)" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

install_server() {
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL's server (initdb, pg_ctl) is missing; install it as root: apt-get update && apt-get install -y postgresql"
    exit 1
  fi
  say "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# Runs a command as the cluster's owner: ourselves, or a non-root user when we are root.
owner() { if [ "$(id -u)" -eq 0 ]; then id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody; else id -un; fi; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$(owner)" -- "$@"; else "$@"; fi; }

connection() { echo "Host=$1/socket;Port=5432;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=60"; }

running_dir() {
  [ -f "$state/dir" ] || return 1
  local dir; dir="$(cat "$state/dir")"
  [ -d "$dir/data" ] || return 1
  as_owner "$(bindir)/pg_ctl" status -D "$dir/data" >/dev/null 2>&1 || return 1
  echo "$dir"
}

start() {
  local bin dir
  bin="$(bindir)" || { install_server; bin="$(bindir)"; }
  mkdir -p "$state"
  # One start at a time: test processes may ask together.
  exec 9>"$state/lock"
  flock 9
  if dir="$(running_dir)"; then connection "$dir"; return 0; fi
  dir="${SOCIALREPORT_POSTGRES_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/socialreport-postgres-XXXXXX")}"
  mkdir -p "$dir/socket"
  rm -rf "$dir/data"
  [ "$(id -u)" -eq 0 ] && chown -R "$(owner)" "$dir"
  chmod 755 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; say "initdb failed"; exit 1; }
  # A test cluster: nothing to keep across a power loss, so no fsync; connections for parallel test classes.
  as_owner "$bin/pg_ctl" start 9>&- -w -t 60 -D "$dir/data" -l "$dir/server.log" \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir/socket' -c port=5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB" >/dev/null \
    || { cat "$dir/server.log" >&2; say "the server did not start"; exit 1; }
  echo "$dir" >"$state/dir"
  connection "$dir"
}

stop() {
  [ -f "$state/dir" ] || return 0
  local dir bin; dir="$(cat "$state/dir")"
  if [ -d "$dir/data" ] && bin="$(bindir)"; then as_owner "$bin/pg_ctl" stop -w -m fast -D "$dir/data" >/dev/null 2>&1 || true; fi
  # Only what start made: a cluster directory (never a path someone put in the state file by mistake).
  if [ -f "$dir/data/PG_VERSION" ] || [ -d "$dir/socket" ]; then rm -rf "$dir"; fi
  rm -f "$state/dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) dir="$(running_dir)" || { say "not running"; exit 1; }; connection "$dir" ;;
  *) echo "usage: tools/postgres.sh start|stop|env" >&2; exit 2 ;;
esac
