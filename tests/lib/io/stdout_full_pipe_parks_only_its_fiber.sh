# A fiber printing into a pipe nobody reads yet parks alone: the main fiber
# keeps running (it counts ticks and then tells the reader to start), and
# every byte arrives. Before, the write blocked the whole process, the ticks
# stopped and the reader gave up waiting for them.
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-stdout.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
"$GS" -e '
let line = "x".repeat(99)
let writer = spawn { for i in 0..3000 { print(line) } }   # 300 000 bytes: several pipefuls
let ticks = 0
while writer.status() != "done" {
  ticks += 1
  if ticks == 5 { io.write_file(os.args[0], "") }
  sleep(0.01)
}
io.stderr.write("ticks " + str(ticks >= 5) + "\n")
' "$tmp/ticked" 2>"$tmp/err" | {
  for i in $(seq 300); do [ -e "$tmp/ticked" ] && break; sleep 0.05; done
  [ -e "$tmp/ticked" ] && echo started > "$tmp/state" || echo "never ticked" > "$tmp/state"
  wc -c > "$tmp/count"
}
[ "$(cat "$tmp/state")" = started ] || { echo "the other fiber stopped while stdout was full"; exit 1; }
[ "$(cat "$tmp/count")" = 300000 ] || { echo "bytes: $(cat "$tmp/count")"; exit 1; }
[ "$(cat "$tmp/err")" = "ticks true" ] || { echo "stderr: $(cat "$tmp/err")"; exit 1; }
