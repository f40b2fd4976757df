#!/usr/bin/env bash
# str() of a number, at the heap limit: the text is built in a buffer the VM
# owns, so `out of memory` raised while making the string leaks nothing (it
# used to leak the 64-byte buffer: LeakSanitizer in make test-asan), and the
# VM goes on.
set -u
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
out=$("$GS" --heap-limit=1m -e '
for round in 0..3 {
  let l = []
  try { while true { l.push(str(len(l) + 0.5)) } } catch e { l = nil; print(e.message) }
}
print(str(1.5), str(7))' 2>&1)
[ "$out" = "out of memory
out of memory
out of memory
1.5 7" ] || { echo "unexpected output: $out"; exit 1; }
