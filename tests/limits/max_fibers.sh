#!/usr/bin/env bash
# --max-fibers: creating one more live fiber than allowed raises a catchable
# error; finished fibers do not count.
set -u
out=$("$GS" --max-fibers=50 -e '
let fs = []
try { for i in 0..100 { fs.push(spawn { yield }) } } catch e { print(e.message, len(fs)) }
for f in fs { f.join() }
let more = []
for i in 0..50 { more.push(fiber(fn() { yield 1 })) }
print("after join:", len(more))' 2>&1)
[ "$out" = "too many fibers (limit 50) 50
after join: 50" ] || { echo "unexpected output: $out"; exit 1; }
exit 0
