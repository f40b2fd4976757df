#!/usr/bin/env bash
# A map that grows until --heap-limit raises `out of memory` (while its entry
# array or its index is being resized) stays whole: every key put in before
# the error is found with its value, iteration sees them in order, and the
# map takes new keys once memory is freed.
set -u
# many allocations near the limit: far too slow when each one collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
out=$("$GS" --heap-limit=24m -e '
let m = {}
let n = 0
try { while true { m[n * 5] = n; n += 1 } } catch e { print(e.message, n > 100000) }
let bad = 0
for i in 0..n { if m[i * 5] != i { bad += 1 } }
let i = 0
for k, v in m { if k != i * 5 or v != i { bad += 1 }; i += 1 }
print(bad, len(m) == n, i == n)
for j in 0..n { if j % 2 == 0 { m.remove(j * 5) } }
for j in 0..1000 { m["x" + str(j)] = j }
print(len(m) == n - (n + 1) // 2 + 1000, m["x999"], m[5])' 2>&1)
[ "$out" = "out of memory true
0 true true
true 999 1" ] || { echo "unexpected output: $out"; exit 1; }
exit 0
