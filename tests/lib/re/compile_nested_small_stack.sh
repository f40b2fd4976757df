# re.compile of a deeply nested pattern inside fibers with small C stacks
# (gs --stack-size=16k, 64k): PCRE2's compiler needs ~23 KiB of C stack plus
# ~0.7 KiB per nested group, more than such a fiber has, so it runs on a
# stack of its own (gs_with_cstack) instead of hitting the guard page
# (`fatal: C stack overflow`, exit 134) — also under native recursion.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-re-nested.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/nested.gs" <<'GS'
let pat = "(".repeat(240) + "a" + ")".repeat(240)
fn compiles() { return re.compile(pat).match("a") != nil }
fn via_map(n) { return n == 0 ? compiles() : [n].map(fn(x) => via_map(x - 1))[0] }
print((spawn compiles()).join())
print(fiber(compiles).resume())
print((spawn via_map(30)).join())
print(re.compile("(x)(y)").match("xy").group(2))
GS
expected='true
true
true
y'
fail=0
for size in 16k 64k; do
  out=$("$GS" --stack-size=$size "$dir/nested.gs" 2>"$dir/err")
  rc=$?
  if [ "$rc" != 0 ] || [ "$out" != "$expected" ]; then
    echo "not ok --stack-size=$size: exit $rc"
    diff <(echo "$expected") <(echo "$out")
    head -5 "$dir/err"
    fail=1
  else
    echo "ok --stack-size=$size"
  fi
done
exit $fail
