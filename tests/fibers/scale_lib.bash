# Shared by tests/fibers/scale_100k_*.sh (sourced, not a test itself).
# run_scale NAME EXPECTED < PROGRAM: runs the GreenScript program on stdin and
# compares its stdout with EXPECTED, printing the elapsed time. The tests are
# .sh files so that they get the runner's longer timeout (three times the .gs
# one) under ASan. Under GS_GC_STRESS and valgrind they are skipped (exit 77:
# quadratic / far too slow there), like a `# slow` .gs test.
set -u

run_scale() {
  local name=$1 expected=$2 dir out rc t0 t1
  if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "too slow with GS_GC_STRESS"; exit 77; fi
  if [ "${GS_VALGRIND:-0}" = 1 ]; then echo "too slow under valgrind"; exit 77; fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-$name.XXXXXX")
  trap 'rm -rf "$dir"' EXIT
  cat >"$dir/$name.gs"
  t0=$(date +%s%N)
  out=$("$GS" "$dir/$name.gs" 2>"$dir/err")
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
}
