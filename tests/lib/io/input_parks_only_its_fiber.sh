# A fiber blocked in input() on a slow pipe parks alone: another fiber keeps
# printing until the line comes, then both finish.
set -e
out=$( (sleep 0.4; echo "late line") | "$GS" -e '
let reader = spawn input()
let ticks = 0
while reader.status() != "done" { ticks += 1; sleep(0.02) }
print(reader.join(), ticks >= 5)
')
[ "$out" = "late line true" ] || { echo "got: $out"; exit 1; }
