# Fibers printing into a full pipe take turns in the order their prints
# were called: each line carries a number taken just before its print, and
# the reader (started late, so the pipe fills) must see 0, 1, 2, ... A
# short print called while another fiber waits for room lines up behind
# it instead of slipping into stdio's buffer, and a woken writer is not
# overtaken. One writer is cancelled while it waits for its turn: the turn
# still passes on, nothing hangs, and every line printed is in order (the
# cancelled print's number is the one gap allowed).
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-stdout.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$GS" -e '
let pad = "x".repeat(300)
let next = 0
fn writer(name, count) {
  for i in 0..count {
    let k = next
    next += 1
    print(str(k) + " " + name + " " + pad)
  }
}
let fibers = []
for name in ["a", "b", "c"] { fibers.push(spawn writer(name, 400)) }
let doomed = spawn writer("d", 1000000)
sleep(0.1)                      # the pipe is full: every writer waits
doomed.cancel()
try { doomed.join() } catch e { io.stderr.write("d: " + e.kind + "\n") }
for f in fibers { f.join() }
io.stderr.write("done\n")
' 2>"$tmp/err" | { sleep 0.4; cat; } > "$tmp/out"
[ "$(cat "$tmp/err")" = "d: cancelled
done" ] || { echo "stderr:"; cat "$tmp/err"; exit 1; }
awk 'NR > 1 && $1 <= prev { print "line " NR " has number " $1 " after " prev; bad = 1; exit }
     $1 > NR { print "more than one number missing before line " NR; bad = 1; exit }
     { prev = $1 } END { exit bad }' "$tmp/out"
n=$(grep -c " [abc] " "$tmp/out")
[ "$n" = 1200 ] || { echo "expected the 1200 lines of a, b and c, got $n"; exit 1; }
