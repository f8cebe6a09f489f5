#!/usr/bin/env bash
# Stop the broker started by kafka-up.sh (pid file): SIGTERM, then SIGKILL after 30 s.
# Usage: kafka-down.sh [--purge]   --purge also deletes the broker's data (topics, offsets).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=kafka
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

KAFKA_DIR="$STATE_DIR/kafka"
PIDFILE="$KAFKA_DIR/kafka.pid"
PURGE=0
for arg in "$@"; do
  case "$arg" in
    --purge) PURGE=1 ;;
    *) die "unknown argument: $arg (usage: kafka-down.sh [--purge])" ;;
  esac
done

pid=$(read_pid "$PIDFILE")
if pid_matches "$pid" kafka.Kafka; then
  log "stopping broker (pid $pid)"
  start=$SECONDS
  stop_pid "$pid" 30 || die "pid $pid did not exit"
  log "stopped after $((SECONDS - start))s"
else
  log "no broker started by kafka-up.sh is running"
fi
rm -f "$PIDFILE"

if [[ $PURGE -eq 1 ]]; then
  # The cluster id is kept so the next format reuses it.
  rm -rf "$KAFKA_DIR/data"
  log "purged ${KAFKA_DIR#"$REPO_ROOT"/}/data"
fi
