# A new frame does not clear its registers: until it writes one, it holds
# what a returned frame left there, and the collector scans it. Each shape
# leaves lists in the registers of a returned call, lets a collection run
# while they lie above every window (they are garbage then), and calls
# something whose window covers them and that allocates before writing
# them. Every allocation collects here (GS_GC_STRESS=1); a collection that
# did not clear the whole stack above the top freed those lists and the
# next one marked them (ASan: use after free).
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-gc.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
fails=0
check() {  # name statements-of-main
  cat >"$dir/$1.gs" <<PROG
fn fill() { let a = [1]; let b = [2]; let c = [3]; let d = [4]; let e = [5]; let g = [6]; return 0 }
fn small() { return [0] }
fn big() {
  let x = [7]
  let a = 1; let b = 2; let c = 3; let d = 4; let e = 5; let g = 6
  return len(x) + a + b + c + d + e + g
}
fn worker() { fill(); small(); return big() }
class K { fn init() { self.v = [8]; let a = 1; let b = 2; let c = 3; let d = 4; let e = 5 } }
fn main() {
  $2
}
main()
main()
PROG
  out=$(GS_GC_STRESS=1 timeout -k 5 60 "$GS" "$dir/$1.gs" 2>&1)
  rc=$?
  if [ "$rc" != 0 ] || [ "$out" != "22
22" ]; then
    echo "FAIL $1: exit $rc"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/  /'
    fails=$((fails + 1))
  else
    echo "ok $1"
  fi
}
check script_call 'fill(); small(); print(big())'
check native_between 'fill(); len(str([0])); print(big())'
check constructor 'fill(); small(); let k = K(); print(len(k.v) + 21)'
check in_generator 'let g = fiber(fn() { fill(); small(); yield big() }); print(g.resume())'
check spawned 'let f = spawn worker(); print(f.join())'
[ "$fails" = 0 ]
