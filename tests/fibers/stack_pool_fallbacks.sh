# The stack pool's system-call paths give the same results: batched
# process_madvise (default), its pidfd_open variant, one madvise per range,
# and mprotect guards. The script churns through waves of fibers (chunks are
# mapped, stacks released in batches and reused), some of which recurse deep
# enough to dirty many pages, plus generators.
set -u
# it checks system-call paths, not the collector: four runs of 4 200 fibers
# take minutes when every allocation collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "too slow with GS_GC_STRESS"; exit 77; fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-stack-pool.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cat >"$dir/churn.gs" <<'GS'
# each level re-enters the interpreter from a native (map): real C frames
fn deep(n) { if n == 0 { return 0 } return [n].map(fn(x) => deep(x - 1) + 1)[0] }
let total = 0
for wave in 0..6 {
  let fs = []
  for i in 0..700 {
    fs.push(spawn {
      yield
      if i % 50 == 0 { return deep(60) }
      return i
    })
  }
  for f in fs { total += f.join() }
  let g = fiber(fn() { for i in 0..100 { yield i } })
  for v in g { total += v }
}
print(total)
GS
expected=$("$GS" "$dir/churn.gs" 2>&1)
fail=0
[ "$expected" = 1475340 ] || { echo "default path printed: $expected"; fail=1; }
for mode in "GS_CORO_PROCESS_MADVISE=pidfd" "GS_CORO_PROCESS_MADVISE=off" "GS_CORO_GUARD=mprotect"; do
  got=$(env "$mode" "$GS" "$dir/churn.gs" 2>&1)
  [ "$got" = "$expected" ] || { echo "$mode printed: $got"; fail=1; }
done
exit $fail
