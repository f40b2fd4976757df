# A generator dropped while suspended inside str() of a list (an element's
# str() yields) must not leak the C buffer str() was building. LeakSanitizer
# found 64-128 bytes per generator (fuzz_run on tests/fibers/
# gen_dropped_in_native.gs); here each dropped generator holds a 200 KB
# buffer, so 1200 of them leak 240 MB and break a 200 MB address-space limit.
# Under an ASan build (no ulimit -v possible) LeakSanitizer does the check.
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-hostile.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
cat >"$dir/t.gs" <<'EOF'
let big = "x".repeat(200000)
class Big { fn str() { return big } }
class S { fn str() { yield 1; return "s" } }
for i in 0..1200 {
  let g = fiber(fn() { return str([Big(), S()]) })
  g.resume()
  let junk = "y".repeat(200000)   # keeps the collector running
}
print("ok")
EOF
if grep -q AddressSanitizer "$GS" 2>/dev/null; then
  out=$(ASAN_OPTIONS=detect_leaks=1 "$GS" "$dir/t.gs" 2>&1)
else
  out=$( (ulimit -v 200000; "$GS" "$dir/t.gs") 2>&1)
fi
rc=$?
if [ "$rc" != 0 ] || [ "$out" != ok ]; then
  echo "expected 'ok' and exit 0, got exit $rc:"
  printf '%s\n' "$out" | head -n 15
  exit 1
fi
