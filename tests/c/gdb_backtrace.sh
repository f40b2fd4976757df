# gdb inside a fiber: the backtrace runs through the native and script
# levels and ends cleanly at coro__trampoline (the CFI of coro/switch_x86_64.S
# and the trampoline's undefined return address), with no "corrupt stack".
set -u
command -v gdb >/dev/null 2>&1 || { echo "gdb is not installed"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-gdb-bt.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/bt.gs" <<'GS'
fn deep(n) { if n == 0 { sleep(0); return 0 } return [n].map(fn(x) => deep(x - 1))[0] }
let f = spawn deep(3)
f.join()
GS
timeout 60 gdb -q -batch -nx -ex "break sched_sleep" -ex run -ex bt --args "$GS" "$dir/bt.gs" >"$dir/out" 2>&1
fail=0
grep -q "^#0  sched_sleep" "$dir/out" || { echo "breakpoint in the fiber not reached"; fail=1; }
last=$(grep "^#" "$dir/out" | tail -n 1)
# (gdb shows the clang build's trampoline as "coro.trampoline")
case $last in
  *coro__trampoline*|*coro.trampoline*) ;;
  *) echo "backtrace does not end at coro__trampoline: $last"; fail=1 ;;
esac
[ "$(grep -c "in lm_map" "$dir/out")" = 3 ] || { echo "expected three map levels in the backtrace"; fail=1; }
if grep -qi "corrupt\|Backtrace stopped" "$dir/out"; then echo "gdb complained:"; grep -i "corrupt\|stopped" "$dir/out"; fail=1; fi
[ $fail = 0 ] || cat "$dir/out"
exit $fail
