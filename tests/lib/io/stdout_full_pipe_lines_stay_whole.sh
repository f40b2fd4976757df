# Three fibers print into a pipe whose reader starts late: they take turns
# waiting for room, and every line arrives whole (no line is split by
# another fiber's) and none is lost.
set -e
out=$("$GS" -e '
let fibers = []
for c in ["a", "b", "c"] {
  let line = c.repeat(150)
  fibers.push(spawn { for i in 0..1000 { print(line) } })
}
for f in fibers { f.join() }
' | { sleep 0.3; awk '{ n[$0]++ } END { for (l in n) print substr(l, 1, 1), length(l), n[l] }' | sort; })
expected="a 150 1000
b 150 1000
c 150 1000"
[ "$out" = "$expected" ] || { echo "got:"; echo "$out"; exit 1; }
