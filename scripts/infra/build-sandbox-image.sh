#!/usr/bin/env bash
# Build the sandbox image (default codemyspec/sandbox-node:24, override with SANDBOX_IMAGE)
# with `docker import` — no registry is reachable, so nothing is pulled. The rootfs holds
# only the Node binary (>= 22, from NODE_BIN or PATH), `sleep` (what a sandbox container runs
# while its test command runs as an exec) and `stat` (it measures a run's free disk), the shared
# libraries `ldd` names for them, /tmp (1777),
# /etc/passwd+group with user sandbox (10001) and an empty /workspace. No shell is in the image. Skipped when the image already carries the same labels.
# Finally proves the image: `node --version` and `node --test` on a .ts file, fully locked down.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_TAG=sandbox-image
# shellcheck source=scripts/infra/lib.sh
source "$ROOT/scripts/infra/lib.sh"

IMAGE="${SANDBOX_IMAGE:-codemyspec/sandbox-node:24}"
RECIPE_REV=3 # bump when the rootfs layout below changes, to force a rebuild
SANDBOX_UID=10001
MIN_NODE_MAJOR=22
# The same lock-down the project's runner uses.
RUN_FLAGS=(--rm --network none --read-only --cap-drop ALL --security-opt no-new-privileges
  --user "$SANDBOX_UID:$SANDBOX_UID" --pids-limit 128)

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# NODE_BIN, else `node` on PATH, else a Node 24 installed from npm into .infra/node24.
find_node() {
  local candidate
  for candidate in "${NODE_BIN:-}" "$(command -v node || true)" "$STATE_DIR/node24/node_modules/.bin/node"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    if (($(node_major "$candidate") >= MIN_NODE_MAJOR)); then
      readlink -f "$candidate"
      return
    fi
    [[ -z "${NODE_BIN:-}" || "$candidate" != "$NODE_BIN" ]] || die "NODE_BIN=$NODE_BIN is older than Node $MIN_NODE_MAJOR"
  done
  command -v npm >/dev/null || die "no Node >= $MIN_NODE_MAJOR found and npm is missing (set NODE_BIN)"
  log "no Node >= $MIN_NODE_MAJOR on PATH; installing node@24 from npm into .infra/node24" >&2
  npm install --silent --no-audit --no-fund --prefix "$STATE_DIR/node24" node@24 >&2 ||
    die "npm install node@24 failed (set NODE_BIN)"
  readlink -f "$STATE_DIR/node24/node_modules/.bin/node"
}

build_image() {
  local node=$1 sha=$2 rootfs lib
  rootfs=$(mktemp -d "${TMPDIR:-/tmp}/sandbox-rootfs.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$rootfs'" EXIT

  local sleep_bin stat_bin
  sleep_bin=$(readlink -f "$(command -v sleep)")
  stat_bin=$(readlink -f "$(command -v stat)")
  install -D -m 0755 "$node" "$rootfs/usr/local/bin/node"
  install -D -m 0755 "$sleep_bin" "$rootfs/usr/bin/sleep"
  install -D -m 0755 "$stat_bin" "$rootfs/usr/bin/stat"
  # Every library the dynamic linker needs, at the same absolute path (incl. ld-linux).
  while read -r lib; do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done < <(ldd "$node" "$sleep_bin" "$stat_bin" | grep -oE '/[^ :]+\.so[^ :]*' | sort -u)

  install -d -m 1777 "$rootfs/tmp"
  install -d -m 0755 "$rootfs/etc" "$rootfs/proc" "$rootfs/sys" "$rootfs/dev"
  install -d -m 0755 -o "$SANDBOX_UID" -g "$SANDBOX_UID" "$rootfs/workspace"
  cat >"$rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/usr/sbin/nologin
sandbox:x:$SANDBOX_UID:$SANDBOX_UID:sandbox:/workspace:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
  cat >"$rootfs/etc/group" <<EOF
root:x:0:
sandbox:x:$SANDBOX_UID:
nogroup:x:65534:
EOF

  log "importing $IMAGE ($(du -sh "$rootfs" | cut -f1) rootfs, node $("$node" --version))"
  tar --numeric-owner -C "$rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change "ENV HOME=/workspace" \
    --change "USER $SANDBOX_UID:$SANDBOX_UID" \
    --change 'WORKDIR /workspace' \
    --change 'CMD ["node"]' \
    --change "LABEL codemyspec.node-sha=$sha codemyspec.recipe-rev=$RECIPE_REV" \
    - "$IMAGE" >/dev/null
  rm -rf "$rootfs"
  trap - EXIT
}

prove_image() {
  local out testdir
  out=$(docker run "${RUN_FLAGS[@]}" "$IMAGE" node --version) || die "node --version failed in $IMAGE"
  docker run "${RUN_FLAGS[@]}" "$IMAGE" sleep 0 || die "sleep failed in $IMAGE"
  log "docker run --network none --read-only --cap-drop ALL: node $out, sleep"

  # A TypeScript test, bind-mounted read-only: Node strips the types itself.
  testdir=$(mktemp -d "${TMPDIR:-/tmp}/sandbox-test.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$testdir'" EXIT
  cat >"$testdir/smoke.test.ts" <<'EOF'
import { test } from 'node:test';
import assert from 'node:assert/strict';

const add = (a: number, b: number): number => a + b;

test('type-stripped TypeScript runs in the sandbox', () => {
  assert.equal(add(2, 3), 5);
  assert.equal(process.getuid?.(), 10001);
});
EOF
  chmod 0755 "$testdir" && chmod 0644 "$testdir/smoke.test.ts"
  if ! out=$(docker run "${RUN_FLAGS[@]}" --tmpfs /tmp:rw,nosuid,nodev,size=16m,mode=1777 \
    -v "$testdir:/mnt/t:ro" -w /mnt/t "$IMAGE" node --test --test-reporter=tap smoke.test.ts 2>&1); then
    printf '%s\n' "$out" >&2
    die "node --test failed in $IMAGE"
  fi
  rm -rf "$testdir"
  trap - EXIT
  grep -qE '^# pass 1$' <<<"$out" || {
    printf '%s\n' "$out" >&2
    die "node --test did not report 1 passing test"
  }
  log "node --test smoke.test.ts in sandbox: $(grep -E '^# (pass|fail) ' <<<"$out" | tr '\n' ' ')"
}

main() {
  ensure_state_dir
  docker info >/dev/null 2>&1 || die "Docker engine not answering (run docker-up.sh)"
  local node sha have
  node=$(find_node)
  sha=$(sha256sum "$node" | cut -d' ' -f1)
  have=$(docker image inspect -f '{{index .Config.Labels "codemyspec.node-sha"}} {{index .Config.Labels "codemyspec.recipe-rev"}}' "$IMAGE" 2>/dev/null || true)
  if [[ "$have" == "$sha $RECIPE_REV" ]]; then
    log "$IMAGE up to date (node sha ${sha:0:12})"
  else
    build_image "$node" "$sha"
  fi
  prove_image
}

main "$@"
