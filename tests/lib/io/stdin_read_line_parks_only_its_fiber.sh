# io.stdin.read_line() and read(n) on a slow pipe park only their fiber; a
# line split across two writes comes back whole. The writer starts once the
# script says it is waiting (startup time does not count).
set -e
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gs-stdin.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
out=$( (for i in $(seq 200); do [ -e "$tmp/ready" ] && break; sleep 0.05; done
        printf 'par'; sleep 0.3; printf 'tial\nab'; sleep 0.2; printf 'cd') | "$GS" -e '
let reader = spawn { return [io.stdin.read_line(), io.stdin.read(3), io.stdin.read(), io.stdin.read(1)] }
io.write_file(os.args[0], "")
let ticks = 0
while reader.status() != "done" { ticks += 1; sleep(0.02) }
print(reader.join(), ticks >= 3)
' "$tmp/ready")
[ "$out" = '["partial", "abc", "d", nil] true' ] || { echo "got: $out"; exit 1; }
