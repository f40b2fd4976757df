#!/usr/bin/env bash
# --heap-limit: going past it raises a catchable "out of memory" and the VM
# stays usable afterwards.
set -u
# many allocations near the limit: far too slow when each one collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
out=$("$GS" --heap-limit=8m -e '
let l = []
try { while true { l.push("item number " + str(len(l))) } } catch e {
  let n = len(l)
  l = nil            # free the memory first: printing allocates too
  print(e.message, n > 1000)
}
print("still usable", [1, 2, 3].map(fn(x) => x * 2))' 2>&1)
[ "$out" = "out of memory true
still usable [2, 4, 6]" ] || { echo "unexpected output: $out"; exit 1; }
# uncaught: a normal runtime error, exit 1
"$GS" --heap-limit=4m -e 'let s = "x"
while true { s = s + s }' 2>/tmp/gs_heap_$$.err
st=$?
grep -q "out of memory" /tmp/gs_heap_$$.err || { cat /tmp/gs_heap_$$.err; rm -f /tmp/gs_heap_$$.err; exit 1; }
rm -f /tmp/gs_heap_$$.err
[ $st = 1 ] || { echo "exit $st, expected 1"; exit 1; }
"$GS" --heap-limit=zz -e '1' 2>/dev/null; [ $? = 2 ] || { echo "bad size should be a usage error"; exit 1; }
exit 0
