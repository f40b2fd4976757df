#!/usr/bin/env bash
# Reporting an uncaught error runs after the program's protected calls are
# gone; under a small --heap-limit it used to run out of memory itself and
# abort (`fatal: error with no protected call`, exit 134, standard output
# lost). Now the report is written with the limit lifted: unjoined failed
# fibers at the end, and the main script's own error raised while handling
# an out-of-memory error, end with their reports and exit 1.
set -u
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-heap.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
fails=0
check() {  # name want-stdout stderr-regex count-of-regex
  local rc=$1 name=$2
  shift 2
  if [ "$rc" != 1 ] || [ "$(cat "$dir/out")" != "$1" ] || [ "$(grep -cE "$2" "$dir/err")" != "$3" ] ||
     grep -qE 'fatal|AddressSanitizer|runtime error' "$dir/err"; then
    echo "FAIL $name: exit $rc"; head -c 400 "$dir/out" | sed 's/^/  out: /'; head -n 5 "$dir/err" | sed 's/^/  err: /'
    fails=$((fails + 1))
  fi
}
cat >"$dir/unjoined.gs" <<'PROG'
print("start")
let fs = []
for i in 0..60 { fs.push(spawn { let big = []; for j in 0..50 { big.push("x${j}") }; error("fail ${i}") }) }
sleep(0.01)
print("end")
PROG
timeout -k 5 120 "$GS" --heap-limit=200k "$dir/unjoined.gs" >"$dir/out" 2>"$dir/err"
check $? "60 unjoined failed fibers" "start
end" '^error in fiber [0-9]+: ' 60
cat >"$dir/main.gs" <<'PROG'
fn emsg(e) { return "error: ${e.message}" }
let f7 = spawn { }
fn r9(n) { return r9(n + 1) + 1 }
print("start")
# the handler runs out of memory too, whatever room the failed recursion left
try { r9(0) } catch e { let keep = [emsg(e)]; for i in 0..100000 { keep.push("t9 ${i}") }; print(keep[0]) }
print("after")
PROG
timeout -k 5 120 "$GS" --heap-limit=200k "$dir/main.gs" >"$dir/out" 2>"$dir/err"
check $? "the main script's error while handling out of memory" "start" 'main\.gs:[0-9]+:[0-9]+: out of memory$' 1
[ "$fails" = 0 ]
