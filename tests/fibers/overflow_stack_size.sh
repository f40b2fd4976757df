# With a small C stack per fiber (gs --stack-size=64k, 16k; and 1m), deep recursion
# (script and through native re-entry) is still a catchable `stack overflow` in
# the main fiber, in spawned fibers and in generators — never a crash.
set -u
# thousands of nested re-entries per run (a fiber's C stack grows to the main
# fiber's): minutes when every allocation collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "too slow with GS_GC_STRESS"; exit 77; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-overflow-stack-size.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/so.gs" <<'GS'
fn deep(n) { return deep(n + 1) + 1 }
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
class Loop { fn str() { return "L" + str(self) } }
fn attempt(name, g) {
  try { g() } catch e { print(name, e.message) }
}
MAIN_PART
let s = spawn {
  attempt("spawn script", fn() => deep(0))
  attempt("spawn native", fn() => f(0))
  attempt("spawn str", fn() => print(Loop()))
}
s.join()
let g = fiber(fn() {
  attempt("gen script", fn() => deep(0))
  attempt("gen native", fn() => f(0))
  yield "gen yielded"
  attempt("gen sort", fn() => [1, 2].sort(fn(a, b) { f(0); return true }))
})
print(g.resume())
g.resume()
let n = spawn { try { f(0) } catch e { } ; return [1, 2, 3].map(fn(x) { yield; return x }) }
print(n.join())
GS
expected='spawn script stack overflow
spawn native stack overflow
spawn str stack overflow
gen script stack overflow
gen native stack overflow
gen yielded
gen sort stack overflow
[1, 2, 3]'
# The main fiber runs on the process stack (8 MB): thousands of nested
# re-entries, far too slow when every allocation collects (GS_GC_STRESS).
main_part='attempt("main script", fn() => deep(0))
attempt("main native", fn() => f(0))'
main_expected='main script stack overflow
main native stack overflow'
if [ -n "${GS_GC_STRESS:-}" ] && [ "${GS_GC_STRESS}" != 0 ]; then main_part=''; main_expected=''; fi
awk -v repl="$main_part" '{ if ($0 == "MAIN_PART") print repl; else print }' "$dir/so.gs" >"$dir/so2.gs"
mv "$dir/so2.gs" "$dir/so.gs"
if [ -n "$main_expected" ]; then expected="$main_expected
$expected"; fi
fail=0
for size in 64k 16k 1m; do
  out=$("$GS" --stack-size=$size "$dir/so.gs" 2>"$dir/err")
  rc=$?
  if [ "$rc" != 0 ] || [ "$out" != "$expected" ]; then
    echo "--stack-size=$size: exit $rc"
    diff <(echo "$expected") <(echo "$out")
    head -5 "$dir/err"
    fail=1
  else
    echo "ok --stack-size=$size"
  fi
done
exit $fail
