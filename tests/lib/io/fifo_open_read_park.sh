# io.open of a named pipe waits (on the worker pool) for a writer, and its
# read_line waits in the event loop, both parking only their fiber; a second
# fiber reading the same file meanwhile raises kind busy naming the file;
# standard input redirected from a regular file is read on the pool while
# another fiber is alive.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-fifo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/p"
printf 'one\ntwo\n' > "$tmp/in.txt"
( for i in $(seq 200); do [ -e "$tmp/ready" ] && break; sleep 0.05; done
  sleep 0.3; exec 3>"$tmp/p"; sleep 0.3; echo "hello" >&3; sleep 0.2 ) &
out=$("$GS" -e '
let path = os.args[0]
let f = nil
let opener = spawn { f = io.open(path) }
io.write_file(os.args[1], "")
let ticks = 0
while opener.status() != "done" { ticks += 1; sleep(0.02) }
opener.join()
let reader = spawn f.read_line()
sleep(0.05)
try { f.read_line() } catch e { print(e.kind, e.message.replace(path, "P")) }
while reader.status() != "done" { ticks += 1; sleep(0.02) }
print(reader.join(), ticks >= 4)
let other = spawn { sleep(0.05) }
print(input(), input(), input())
other.join()
' "$tmp/p" "$tmp/ready" < "$tmp/in.txt")
wait
exp="busy cannot read 'P': another fiber is reading it
hello true
one two nil"
[ "$out" = "$exp" ] || { echo "got: $out"; exit 1; }
