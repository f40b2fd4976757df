# Scale: 100 000 live suspended generators, each paused at a yield inside a map callback, then finished.
# Runs as a .sh so that it gets the runner's longer timeout (three times the
# .gs one) under ASan; prints the elapsed time. Skipped under GS_GC_STRESS and
# GS_VALGRIND (quadratic / far too slow there), like a `# slow` .gs test.
set -u
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
if [ "${GS_VALGRIND:-0}" = 1 ]; then echo "skipped under valgrind"; exit 0; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-scale_100k_generators.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/scale_100k_generators.gs" <<'GS'
let n = 100000
let gens = []
for i in 0..n {
  let g = fiber(fn(k) { return [k].map(fn(x) => (yield x) + x)[0] })
  g.resume(i)
  gens.push(g)
}
print(len(gens), gens[n - 1].done())
let total = 0
for g in gens { total += g.resume(1) }
print(total == n * (n - 1) // 2 + n, gens[0].done())
GS
expected='100000 false
true true'
t0=$(date +%s%N)
out=$("$GS" "$dir/scale_100k_generators.gs" 2>"$dir/err")
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
