#!/usr/bin/env bash
# Bring up everything the test suite needs: PostgreSQL, Kafka, Docker + sandbox image.
# Writes the connection settings to .infra/env (KEY=VALUE lines).
#
#   scripts/infra/up.sh [--no-docker]      run it
#   source scripts/infra/up.sh             same, then exports .infra/env into your shell
#
# --no-docker (or INFRA_NO_DOCKER=1) skips docker-up and the sandbox image.

# Sourced: run in a child bash (so `set -e` can't kill the caller's shell), then export.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  bash "${BASH_SOURCE[0]}" "$@" || return $?
  set -a
  # shellcheck disable=SC1091
  source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.infra/env"
  set +a
  return 0
fi

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=up
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

WITH_DOCKER=1
[[ "${INFRA_NO_DOCKER:-0}" == 1 ]] && WITH_DOCKER=0
for arg in "$@"; do
  case "$arg" in
    --no-docker) WITH_DOCKER=0 ;;
    *) die "unknown argument: $arg (usage: up.sh [--no-docker])" ;;
  esac
done

start=$SECONDS
ensure_state_dir
"$INFRA_DIR/postgres-up.sh"
"$INFRA_DIR/kafka-up.sh"
# kcat: the independent Kafka client a test uses to read the topics as an outsider would.
if ! command -v kcat >/dev/null; then
  log "installing kcat (outside Kafka client)"
  ensure_state_dir
  apt_install "$STATE_DIR/apt-kcat.log" kcat || die "apt-get install kcat failed"
fi
# Chromium: the browser the explorer and console tests drive headless (playwright-core, no download).
if ! command -v chromium >/dev/null; then
  log "installing chromium (headless browser tests)"
  ensure_state_dir
  apt_install "$STATE_DIR/apt-chromium.log" chromium || die "apt-get install chromium failed"
fi
if [[ $WITH_DOCKER -eq 1 ]]; then
  "$INFRA_DIR/docker-up.sh"
  "$INFRA_DIR/build-sandbox-image.sh"
fi

SANDBOX_IMAGE="${SANDBOX_IMAGE:-codemyspec/sandbox-node:24}"
cat >"$STATE_DIR/env" <<EOF
DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
KAFKA_BROKERS=127.0.0.1:9092
SANDBOX_IMAGE=$SANDBOX_IMAGE
EOF

log "all up in $((SECONDS - start))s; settings (also in .infra/env):"
sed 's/^/  /' "$STATE_DIR/env"
