# Scale: 100 000 fibers sleeping at once (each inside a map callback) all wake and finish.
# Runs as a .sh so that it gets the runner's longer timeout (three times the
# .gs one) under ASan; prints the elapsed time. Skipped under GS_GC_STRESS and
# GS_VALGRIND (quadratic / far too slow there), like a `# slow` .gs test.
set -u
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
if [ "${GS_VALGRIND:-0}" = 1 ]; then echo "skipped under valgrind"; exit 0; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-scale_100k_sleepers.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/scale_100k_sleepers.gs" <<'GS'
let n = 100000
let count = 0
for i in 0..n {
  spawn { [i].map(fn(x) { sleep(0.05); count += 1 }) }
}
sleep(0.01)
print(count)
sleep(0.2)
print(count)
GS
expected='0
100000'
t0=$(date +%s%N)
out=$("$GS" "$dir/scale_100k_sleepers.gs" 2>"$dir/err")
rc=$?
t1=$(date +%s%N)
echo "elapsed $(( (t1 - t0) / 1000000 )) ms"
if [ "$rc" != 0 ] || [ "$out" != "$expected" ]; then
  echo "exit status $rc"
  diff <(echo "$expected") <(echo "$out")
  head -n 10 "$dir/err"
  exit 1
fi
exit 0
