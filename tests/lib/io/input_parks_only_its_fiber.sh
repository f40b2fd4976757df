# A fiber blocked in input() on a slow pipe parks alone: another fiber keeps
# printing until the line comes, then both finish. The line is sent once the
# script says it is waiting (startup time does not count).
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-input.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$( (for i in $(seq 200); do [ -e "$tmp/ready" ] && break; sleep 0.05; done; sleep 0.3; echo "late line") | "$GS" -e '
let reader = spawn input()
io.write_file(os.args[0], "")
let ticks = 0
while reader.status() != "done" { ticks += 1; sleep(0.02) }
print(reader.join(), ticks >= 3)
' "$tmp/ready")
[ "$out" = "late line true" ] || { echo "got: $out"; exit 1; }
