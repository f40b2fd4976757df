#!/usr/bin/env bash
# SIGINT (Ctrl-C) stops a running script with an "interrupted" error and a
# traceback, exit status 1 — also inside try, and in a spawned fiber.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/spin.gs" <<'GS'
fn spin() {
  let i = 0
  while true { i += 1 }
}
try { spin() } catch e { print("caught") }
GS
"$GS" "$tmp/spin.gs" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
st=$?
[ $st = 1 ] || { echo "exit $st, expected 1"; cat "$tmp/err"; exit 1; }
grep -qE "spin.gs:3:[0-9]+: interrupted" "$tmp/err" || { echo "no error line"; cat "$tmp/err"; exit 1; }
grep -q "in spin" "$tmp/err" || { echo "no traceback"; cat "$tmp/err"; exit 1; }
[ ! -s "$tmp/out" ] || { echo "try must not catch it"; cat "$tmp/out"; exit 1; }

cat >"$tmp/fiber.gs" <<'GS'
spawn { while true { yield } }
sleep(100)
GS
"$GS" "$tmp/fiber.gs" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
st=$?
[ $st = 1 ] || { echo "fiber case: exit $st, expected 1"; cat "$tmp/err"; exit 1; }
grep -q "interrupted" "$tmp/err" || { echo "fiber case: no message"; cat "$tmp/err"; exit 1; }
exit 0
