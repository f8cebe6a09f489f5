#!/usr/bin/env bash
# Stop what up.sh started, in reverse order: dockerd (only if docker-up started it), Kafka.
# The machine's PostgreSQL is a shared system service and is left running.
# Usage: down.sh [--purge]   --purge also deletes Kafka's data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=down
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

"$INFRA_DIR/docker-down.sh"
"$INFRA_DIR/kafka-down.sh" "$@"
log "postgres left running (machine service)"
rm -f "$STATE_DIR/env"
