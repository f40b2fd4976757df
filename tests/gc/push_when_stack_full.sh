# A value pushed on a fiber's VM stack when the stack is full survives the
# collection that growing the stack may start. Raising an error pushes the
# error object it is building: a fiber whose registers fill its first stack
# exactly made that push grow the stack, the collection freed the error's
# message, and the caught error's message read a reused string (a traceback
# line). Each program fills the stack to a different depth before failing;
# every allocation collects (GS_GC_STRESS=1).
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-gc.XXXXXX") || exit 2
trap 'rm -rf "$dir"' EXIT
fails=0
for n in $(seq 1 24); do
  lets=""
  for i in $(seq 1 "$n"); do lets="$lets let v$i = $i;"; done
  cat >"$dir/p$n.gs" <<PROG
let bad = 0
for i in 0..3 {
  let f = spawn {$lets let x = 1.5 & 1 }
  try { f.join() } catch e {
    if not e.message.starts_with("bitwise") { bad += 1; print(e.message) }
  }
}
print(bad)
PROG
  out=$(cd "$dir" && GS_GC_STRESS=1 timeout -k 5 60 "$GS" "p$n.gs" 2>&1)
  rc=$?
  if [ "$rc" != 0 ] || [ "$out" != 0 ]; then
    echo "FAIL $n locals: exit $rc"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/  /'
    fails=$((fails + 1))
  fi
done
[ "$fails" = 0 ]
