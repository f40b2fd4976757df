#!/usr/bin/env bash
# A failed write to standard output (a full disk) is reported like coreutils
# does, "gs: write error on standard output: <reason>", with exit status 1:
# at the final flush, in the middle of a run (which stops, try or not), from a
# fiber, and at os.exit.
set -u
[ -w /dev/full ] || { echo "no /dev/full: skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
want="gs: write error on standard output: No space left on device"
check() {   # check NAME CODE
  "$GS" -e "$2" >/dev/full 2>"$tmp/err"
  local st=$?
  [ $st = 1 ] || { echo "$1: exit $st, expected 1"; cat "$tmp/err"; exit 1; }
  [ "$(cat "$tmp/err")" = "$want" ] || { echo "$1: stderr:"; cat "$tmp/err"; exit 1; }
}
check "final flush" 'print(1)'
check "mid-run" 'for i in 0..100000 { print(i) }; io.stderr.write("ran on\n")'
check "caught" 'for i in 0..100000 { try { print(i) } catch e { } }; io.stderr.write("ran on\n")'
check "io.stdout" 'for i in 0..100000 { io.stdout.write("${i}\n") }; io.stderr.write("ran on\n")'
check "fiber" 'spawn { for i in 0..100000 { print(i) } }; sleep(0.01); io.stderr.write("ran on\n")'
check "os.exit" 'print(1); os.exit(0)'
# other errors are still reported as they are
"$GS" -e 'print(1); 1 // 0' >/dev/full 2>"$tmp/err"
grep -q "division by zero" "$tmp/err" || { echo "error lost:"; cat "$tmp/err"; exit 1; }
grep -q "^$want\$" "$tmp/err" || { echo "write error not reported:"; cat "$tmp/err"; exit 1; }
exit 0
