#!/usr/bin/env bash
# Make sure the machine's PostgreSQL answers on 127.0.0.1:5432 (trust auth) and that
# the `postgres` role can connect. Starts the Debian cluster if it is stopped.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=postgres
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

HOST=127.0.0.1
PORT=5432
PGUSER_NAME=postgres
PGDB_NAME=postgres

command -v pg_isready >/dev/null || die "PostgreSQL client tools not found (apt-get install postgresql)"

if pg_isready -q -h "$HOST" -p "$PORT"; then
  log "already answering on $HOST:$PORT"
else
  version=$(find /etc/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$version" ]] || die "no PostgreSQL cluster under /etc/postgresql"
  log "starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for ((i = 0; i < 60; i++)); do
    pg_isready -q -h "$HOST" -p "$PORT" && break
    sleep 0.5
  done
  pg_isready -q -h "$HOST" -p "$PORT" || die "PostgreSQL did not answer on $HOST:$PORT within 30s"
  log "answering on $HOST:$PORT"
fi

# Trust auth: the role must exist; no password is involved.
server_version=$(psql -h "$HOST" -p "$PORT" -U "$PGUSER_NAME" -d "$PGDB_NAME" -XAtqc 'show server_version') ||
  die "cannot connect as role $PGUSER_NAME to database $PGDB_NAME"
log "connected as $PGUSER_NAME (PostgreSQL $server_version)"
