#!/usr/bin/env bash
# Make a Docker engine answer on the default socket. Installs Debian's docker.io when
# dockerd is missing and starts it WITHOUT a bridge network or iptables rules
# (containers must run with --network none). Also installs bubblewrap (the fallback
# sandbox), best-effort.
# Only a dockerd started here is recorded, so docker-down.sh stops nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=docker
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

DOCKER_DIR="$STATE_DIR/docker"
PIDFILE="$DOCKER_DIR/dockerd.pid"
LOGFILE="$DOCKER_DIR/dockerd.log"
STARTED_MARKER="$DOCKER_DIR/started-by-docker-up" # exists only while our dockerd runs
APT_LOG="$DOCKER_DIR/apt.log"
WAIT_SECONDS="${DOCKER_WAIT_SECONDS:-90}"
MANAGED_CONTAINERD_PID=/var/run/docker/containerd/containerd.pid

docker_answers() { timeout 10 docker info >/dev/null 2>&1; }

ensure_bwrap() {
  command -v bwrap >/dev/null && return
  log "installing bubblewrap (fallback sandbox)"
  apt_install "$APT_LOG" bubblewrap || warn "could not install bubblewrap; the bwrap fallback sandbox is unavailable"
}

# A dockerd that died (or was SIGKILLed) can leave its managed containerd running, holding the
# metadata database lock, and a stale pid file: the next dockerd then times out waiting for its
# own containerd. Only called when no dockerd runs, so whatever is left is an orphan.
clear_stale_engine() {
  local cpid
  if pgrep -x dockerd >/dev/null; then return; fi
  cpid=$(read_pid "$MANAGED_CONTAINERD_PID")
  if pid_matches "$cpid" containerd; then
    warn "stopping an orphaned containerd (pid $cpid) left by an earlier dockerd"
    stop_pid "$cpid" 10 || true
  fi
  for cpid in $(pgrep -f 'containerd --config /var/run/docker/containerd/containerd.toml' || true); do
    warn "stopping an orphaned containerd (pid $cpid)"
    stop_pid "$cpid" 10 || true
  done
  rm -f /var/run/docker.pid "$MANAGED_CONTAINERD_PID"
}

# launch_and_wait: start dockerd (unless one of ours is already starting) and wait for it.
# Returns 1 when it exits or does not answer in time (its log tail is printed).
launch_and_wait() {
  local pid
  pid=$(read_pid "$PIDFILE")
  if ! pid_matches "$pid" dockerd; then
    clear_stale_engine
    # An empty config file of our own: no /etc/docker/daemon.json setting can clash with the flags.
    printf '{}\n' >"$DOCKER_DIR/daemon.json"
    [[ -f "$LOGFILE" ]] && mv -f "$LOGFILE" "$LOGFILE.1"
    log "starting dockerd --bridge=none --iptables=false (log: ${LOGFILE#"$REPO_ROOT"/})"
    setsid nohup dockerd --config-file "$DOCKER_DIR/daemon.json" --bridge=none --iptables=false \
      >"$LOGFILE" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$PIDFILE"
  fi
  echo "$pid" >"$STARTED_MARKER"

  local start=$SECONDS
  until docker_answers; do
    # kill -0, not pid_matches: right after the fork the child has not exec'd dockerd yet.
    if ! kill -0 "$pid" 2>/dev/null; then
      grep -v 'module=grpc' "$LOGFILE" | tail -n 15 >&2 || true
      rm -f "$PIDFILE" "$STARTED_MARKER"
      warn "dockerd exited during startup"
      return 1
    fi
    if ((SECONDS - start >= WAIT_SECONDS)); then
      grep -v 'module=grpc' "$LOGFILE" | tail -n 15 >&2 || true
      warn "dockerd did not answer within ${WAIT_SECONDS}s"
      stop_pid "$pid" 15 || true
      rm -f "$PIDFILE" "$STARTED_MARKER"
      return 1
    fi
    sleep 1
  done
  log "dockerd ready after $((SECONDS - start))s (pid $pid, server $(docker version -f '{{.Server.Version}}' 2>/dev/null))"
}

start_dockerd() {
  if ! command -v dockerd >/dev/null; then
    log "dockerd missing; installing docker.io from Debian (takes a minute) ..."
    apt_install "$APT_LOG" docker.io || die "apt-get install docker.io failed (see ${APT_LOG#"$REPO_ROOT"/})"
  fi
  command -v docker >/dev/null || die "docker CLI not found"
  # A second try after clearing what the first left: a containerd start can time out on a
  # loaded machine, and an orphan from an earlier engine only shows up as that timeout.
  launch_and_wait && return
  log "retrying once"
  launch_and_wait || die "dockerd could not be started (see ${LOGFILE#"$REPO_ROOT"/})"
}

main() {
  ensure_state_dir
  mkdir -p "$DOCKER_DIR"
  lock_or_die "$DOCKER_DIR/.lock"
  if command -v docker >/dev/null && docker_answers; then
    if pid_matches "$(read_pid "$PIDFILE")" dockerd && [[ -f "$STARTED_MARKER" ]]; then
      log "already running (pid $(read_pid "$PIDFILE"), started by docker-up)"
    else
      log "a Docker engine already answers (not started by this script); leaving it"
    fi
  else
    start_dockerd
  fi
  ensure_bwrap
}

main "$@"
