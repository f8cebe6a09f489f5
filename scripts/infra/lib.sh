# shellcheck shell=bash
# Shared helpers for scripts/infra/*.sh. Sourced, never executed.
# The caller sets LOG_TAG (e.g. "kafka") before sourcing.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
STATE_DIR="$REPO_ROOT/.infra" # local, untracked state (jars, data, pids, logs)

log() { printf '[%s] %s\n' "${LOG_TAG:-infra}" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "${LOG_TAG:-infra}" "$*" >&2; }
die() {
  printf '[%s] ERROR: %s\n' "${LOG_TAG:-infra}" "$*" >&2
  exit 1
}

# Create the state dir; it ignores itself so a missing .gitignore entry can't leak it.
ensure_state_dir() {
  mkdir -p "$STATE_DIR"
  [[ -f "$STATE_DIR/.gitignore" ]] || printf '*\n' >"$STATE_DIR/.gitignore"
}

# Serialise concurrent runs of the same script (e.g. two test jobs calling up.sh at once).
lock_or_die() {
  exec 9>"$1"
  flock -w "${2:-300}" 9 || die "timed out waiting for lock $1"
}

# True when a TCP connect to host:port succeeds (loopback only in practice).
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# True when pid is alive and its command line contains pattern (guards against pid reuse).
pid_matches() {
  local pid=$1 pattern=$2
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"
}

# Pid stored in a file, or empty.
read_pid() { if [[ -f "$1" ]]; then tr -dc '0-9' <"$1"; fi; }

# stop_pid PID SECONDS: SIGTERM, wait up to SECONDS, then SIGKILL.
stop_pid() {
  local pid=$1 grace=$2 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  warn "pid $pid still alive after ${grace}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  return 1
}

# apt_install LOGFILE PKG...: non-interactive install from Debian's packages.
# Services are never auto-started by the package (policy-rc.d guard), so e.g.
# docker.io's init script cannot bring up a default docker0 bridge.
apt_install() {
  local logfile=$1 guard_added=0 rc=0
  shift
  [[ $EUID -eq 0 ]] || die "installing $* needs root"
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    guard_added=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  } >>"$logfile" 2>&1 || rc=$?
  [[ $guard_added -eq 0 ]] || rm -f /usr/sbin/policy-rc.d
  if [[ $rc -ne 0 ]]; then
    tail -n 20 "$logfile" >&2
    return "$rc"
  fi
}
