# io.stdin.read_line() and read(n) on a slow pipe park only their fiber; a
# line split across two writes comes back whole.
set -e
out=$( (printf 'par'; sleep 0.3; printf 'tial\nab'; sleep 0.2; printf 'cd') | "$GS" -e '
let reader = spawn { return [io.stdin.read_line(), io.stdin.read(3), io.stdin.read(), io.stdin.read(1)] }
let ticks = 0
while reader.status() != "done" { ticks += 1; sleep(0.02) }
print(reader.join(), ticks >= 10)
')
[ "$out" = '["partial", "abc", "d", nil] true' ] || { echo "got: $out"; exit 1; }
