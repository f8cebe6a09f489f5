#!/usr/bin/env bash
# Stop dockerd, but only if docker-up.sh started it (a pre-existing engine is left alone).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=docker
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

DOCKER_DIR="$STATE_DIR/docker"
PIDFILE="$DOCKER_DIR/dockerd.pid"
STARTED_MARKER="$DOCKER_DIR/started-by-docker-up"
# The containerd that dockerd spawns for itself when no system containerd runs.
MANAGED_CONTAINERD_PID=/var/run/docker/containerd/containerd.pid

if [[ ! -f "$STARTED_MARKER" ]]; then
  log "dockerd was not started by docker-up.sh; nothing to stop"
  exit 0
fi

pid=$(read_pid "$PIDFILE")
if pid_matches "$pid" dockerd; then
  log "stopping dockerd (pid $pid)"
  start=$SECONDS
  # dockerd stops running containers itself on SIGTERM (up to its 15 s shutdown timeout).
  stop_pid "$pid" 30 || die "dockerd (pid $pid) did not exit"
  # After a SIGKILL its managed containerd can survive; stop that one too.
  cpid=$(read_pid "$MANAGED_CONTAINERD_PID")
  if pid_matches "$cpid" containerd; then
    stop_pid "$cpid" 10 || warn "managed containerd (pid $cpid) did not exit"
  fi
  log "stopped after $((SECONDS - start))s"
else
  log "dockerd started by docker-up.sh is no longer running"
fi
rm -f "$PIDFILE" "$STARTED_MARKER"
