# Three fibers print into a pipe whose reader starts late: they take turns
# (the one holding the turn waits on the descriptor, the others line up
# behind it; without that the second would fail with "busy"), every line
# arrives whole and none is lost. Meanwhile the main fiber keeps ticking,
# and the reader starts only once it has: when a full pipe blocked the
# whole process, nothing could be split, but the ticks stopped.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-stdout.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$GS" -e '
let fibers = []
for c in ["a", "b", "c"] {
  let line = c.repeat(150)
  fibers.push(spawn { for i in 0..1000 { print(line) } })   # 453 000 bytes: several pipefuls
}
for i in 0..5 { sleep(0.01) }
io.write_file(os.args[0], "")
for f in fibers { f.join() }
' "$tmp/ticked" | {
  for i in $(seq 300); do [ -e "$tmp/ticked" ] && break; sleep 0.05; done
  [ -e "$tmp/ticked" ] && echo started > "$tmp/state" || echo "never ticked" > "$tmp/state"
  awk '{ n[$0]++ } END { for (l in n) print substr(l, 1, 1), length(l), n[l] }' | sort > "$tmp/out"
}
[ "$(cat "$tmp/state")" = started ] || { echo "the main fiber stopped while stdout was full"; exit 1; }
expected="a 150 1000
b 150 1000
c 150 1000"
[ "$(cat "$tmp/out")" = "$expected" ] || { echo "got:"; cat "$tmp/out"; exit 1; }
