#!/usr/bin/env bash
# SIGINT (Ctrl-C) stops a long native that calls back into script — a big
# sort with a comparator, a big map — with `interrupted` and exit status 1,
# even though the callbacks have no loop of their own (every re-entry into
# script checks for the interrupt).
. "$(dirname "$0")/sigint_lib.bash"
# the timing (a reply within seconds of SIGINT) does not hold when every allocation collects
if [ -n "${GS_GC_STRESS:-}" ] && [ "$GS_GC_STRESS" != 0 ]; then echo "skipped under GS_GC_STRESS"; exit 0; fi
sigint_stop sort 'let l = range(0, 3000000).list().reverse()
io.stderr.write("go\n")
l.sort(fn(a, b) => a < b)
print("sorted")'
sigint_stop map 'let small = range(0, 1000).list()
let big = range(0, 1000000).list()
io.stderr.write("go\n")
big.map(fn(x) => small.map(fn(y) => y + x))
print("mapped")'
sigint_stop "sort in try" 'let l = range(0, 3000000).list().reverse()
io.stderr.write("go\n")
try { l.sort(fn(a, b) => a < b) } catch e { print("caught") }'
exit 0
