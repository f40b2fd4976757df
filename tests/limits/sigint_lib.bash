# sigint_lib.bash — sourced by tests/limits/interrupt_*.sh (not a test itself).
#   sigint_stop NAME PROGRAM [STDIN]: run PROGRAM (a script that writes "go"
#   to stderr just before the part to interrupt) with stdin from STDIN
#   (default /dev/null), send SIGINT 0.3 s after "go", and exit 1 unless gs
#   stops within 5 s with exit status 1, an "interrupted" error on stderr and
#   nothing on stdout.
set -u
SIGINT_DIR=$(mktemp -d)
trap 'rm -rf "$SIGINT_DIR"' EXIT
sigint_n=0
sigint_stop() {
  sigint_n=$((sigint_n + 1))
  local d=$SIGINT_DIR p=$SIGINT_DIR/p$sigint_n.gs i
  printf '%s\n' "$2" >"$p"
  "$GS" "$p" >"$d/out" 2>"$d/err" <"${3:-/dev/null}" &
  local pid=$!
  for i in $(seq 1 300); do grep -q go "$d/err" && break; kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  sleep 0.3
  kill -INT $pid 2>/dev/null
  for i in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
  if kill -0 $pid 2>/dev/null; then
    kill -KILL $pid; wait $pid 2>/dev/null
    echo "$1: still running 5 s after SIGINT"; exit 1
  fi
  wait $pid
  local st=$?
  [ $st = 1 ] || { echo "$1: exit $st, expected 1"; cat "$d/out" "$d/err"; exit 1; }
  grep -q "p$sigint_n.gs:[0-9]*:[0-9]*: interrupted" "$d/err" || { echo "$1: no interrupted error"; cat "$d/err"; exit 1; }
  [ ! -s "$d/out" ] || { echo "$1: ran on"; cat "$d/out"; exit 1; }
  echo "ok $1"
}
