# While a callee runs, the caller's registers above the callee's window are
# still scanned by the collector: when the callee returns they are part of the
# caller's window again, and a collection in between must not have freed what
# they point at (the next one would mark freed memory). Each shape leaves dead
# temporaries high in main's window, then calls something with a small window
# that allocates: a script function, a class without and with init, a
# rest-parameter function, a spread call, a native. Every allocation collects
# here (GS_GC_STRESS=1); the release build used to crash, ASan saw the
# use after free.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-gc.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
fails=0
check() {  # name call-statement [definitions]
  cat >"$dir/$1.gs" <<PROG
fn f() { return [0] }
fn r(...xs) { return xs }
class P {}
class Q { fn init(a) { self.a = [a] } }
${3:-}
fn main() {
  { let a = 0; let b = 0; let c = 0; let d = [1] + [2]; let e = [d] + [d] }
  $2
  let x = [3]
  let y = {"k": [4]}
  print("ok")
}
main()
main()
PROG
  out=$(GS_GC_STRESS=1 timeout -k 5 60 "$GS" "$dir/$1.gs" 2>&1)
  rc=$?
  if [ "$rc" != 0 ] || [ "$out" != "ok
ok" ]; then
    echo "FAIL $1: exit $rc"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/  /'
    fails=$((fails + 1))
  else
    echo "ok $1"
  fi
}
check script_call 'f()'
check class_plain 'let p = P()'
check class_init 'let q = Q(1)'
check rest_params 'r(1, 2, 3)'
check spread_call 'r(...[7, 8])'
check native_call 'len(str([5]))'
check method_call 'let o = O(); o.m()' 'class O { fn m() { return [6] } }'
[ "$fails" = 0 ]
