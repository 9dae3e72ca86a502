#!/usr/bin/env bash
# The README's first command, N times in a row, each in a fresh clone of this repository:
# `npm run demo` must build, serve /api/health (200) and the home page every time, and the
# build must leave no data folder (the database is opened only by the server, after the build).
#
#   scripts/check-fresh-demo.sh [N=10] [PORT=3000]
#
# Each clone gets node_modules as `npm ci` would install them, hard-linked from this checkout
# (run `npm ci` here first) so the check needs no network; a full copy when hard links cannot
# cross file systems. Each run is stopped with Ctrl+C's signal, as a person would stop it.
# Clones live in a temporary folder that is removed at the end; logs of failed runs are kept.
set -euo pipefail
N="${1:-10}"
PORT="${2:-3000}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
failures=0
demo_pid=""

stop_demo() {
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill -INT -- "-$demo_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$demo_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$demo_pid" 2>/dev/null || true
  fi
  demo_pid=""
}
trap 'stop_demo; rm -rf "$work"' EXIT

if curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/" 2>/dev/null; then
  echo "Port ${PORT} is already serving something; stop it or pass another port." >&2
  exit 2
fi

for i in $(seq 1 "$N"); do
  dir="$work/clone-$i"
  log="$work/demo-$i.log"
  started=$(date +%s)
  git clone -q "$repo" "$dir"
  cp -al "$repo/node_modules" "$dir/node_modules" 2>/dev/null || { rm -rf "$dir/node_modules"; cp -a "$repo/node_modules" "$dir/node_modules"; }

  # setsid: the demo and its server get their own process group, stopped together below.
  (cd "$dir" && exec setsid env PORT="$PORT" npm run demo >"$log" 2>&1) &
  demo_pid=$!

  result="failed"
  reason="timed out after 20 minutes"
  build_left_data="no"
  for _ in $(seq 1 2400); do
    if ! kill -0 "$demo_pid" 2>/dev/null; then reason="npm run demo exited"; break; fi
    # The build is over when the demo says it starts the server; the server opens the
    # database only when asked, a second or more later.
    if [ "$build_left_data" = "no" ] && grep -q "Starting the server" "$log"; then
      build_left_data="checked"
      if [ -e "$dir/data" ]; then build_left_data="yes"; reason="next build left a data folder"; break; fi
    fi
    if grep -q "Therapist Finder is running" "$log" &&
      curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/api/health" &&
      curl -fsS "http://127.0.0.1:${PORT}/" | grep -q "Therapist Finder"; then
      result="ok"
      break
    fi
    sleep 0.5
  done
  stop_demo
  # Stopping must release the folder: no process may still hold its lock.
  if [ "$result" = "ok" ] && [ -e "$dir/data/pglite.lock" ]; then
    holder=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$dir/data/pglite.lock")
    if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null; then result="failed"; reason="process $holder still holds the folder after the stop"; fi
  fi
  took=$(( $(date +%s) - started ))
  if [ "$result" = "ok" ]; then
    echo "run $i/$N: ok in ${took} s (build left no data folder; /api/health 200; home page served)"
    rm -rf "$dir"
  else
    failures=$((failures + 1))
    keep="$(mktemp -d)/demo-$i.log"
    cp "$log" "$keep"
    echo "run $i/$N: FAILED after ${took} s: ${reason} (log: ${keep})"
    rm -rf "$dir"
  fi
done

echo "$((N - failures)) of $N fresh clones served the demo."
[ "$failures" -eq 0 ]
