# Waiting for standard input is a wait point: timeout() and f.cancel() end
# it (kind timeout / cancelled), in the main fiber and in a spawned one, and
# a later read still gets the line.
set -e
out=$( (sleep 0.6; echo "after") | "$GS" -e '
try { timeout(0.1, fn() => input()) } catch e { print("main:", e.kind) }
let f = spawn input()
sleep(0.05)
f.cancel()
try { f.join() } catch e { print("fiber:", e.kind) }
try { timeout(0.05, fn() => io.stdin.read_line()) } catch e { print("stdin:", e.kind) }
print(input())
')
[ "$out" = "$(printf 'main: timeout\nfiber: cancelled\nstdin: timeout\nafter')" ] || { echo "got: $out"; exit 1; }
