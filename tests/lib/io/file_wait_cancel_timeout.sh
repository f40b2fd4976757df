# Waits on files honour cancel and timeout(): a fiber cancelled while its
# io.open runs on the worker pool (a named pipe with no writer yet) raises
# cancelled once the open is done; a read_line waiting in the event loop
# raises timeout; a fiber cancelled in the middle of a line loses nothing:
# the next read_line returns the line whole.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-fwait.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/p"
waitfor() { for i in $(seq 300); do [ -e "$1" ] && return 0; sleep 0.05; done; return 1; }
( waitfor "$tmp/ready1"; sleep 0.3; exec 3>"$tmp/p"; waitfor "$tmp/ready2"; printf "li" >&3; sleep 0.3; printf "ne\n" >&3; sleep 0.3 ) &
out=$("$GS" -e '
let dir = os.args[0]
let opener = spawn { try { io.open(dir + "/p"); return "opened" } catch e { return e.kind } }
let other = spawn { sleep(0.01) }
sleep(0.05)
opener.cancel()
io.write_file(dir + "/ready1", "")
print(opener.join())
let f = io.open(dir + "/p")
try { timeout(0.1, fn() => f.read_line()) } catch e { print(e.kind) }
io.write_file(dir + "/ready2", "")
let r = spawn f.read_line()
sleep(0.2)
r.cancel()
try { r.join() } catch e { print(e.kind) }
print(f.read_line())
f.close()
' "$tmp")
wait
[ "$out" = "$(printf 'cancelled\ntimeout\ncancelled\nline')" ] || { echo "got: $out"; exit 1; }
