# A fiber waiting for room in a full stdout pipe is at a wait point: cancel
# ends its wait (it raises "cancelled"), and the program goes on and ends.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-stdout.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$GS" -e '
let line = "y".repeat(999)
let writer = spawn { while true { print(line) } }
sleep(0.2)                     # the writer filled the pipe and waits
writer.cancel()
try { writer.join() } catch e { io.stderr.write("writer: " + e.kind + "\n") }
io.stderr.write("main done\n")
' 2>"$tmp/err" | { sleep 0.5; cat >/dev/null; }
[ "$(cat "$tmp/err")" = "writer: cancelled
main done" ] || { echo "stderr:"; cat "$tmp/err"; exit 1; }
