# A fiber dump (SIGQUIT) names what writers to a full standard output pipe
# wait for: the writer holding the turn waits to write on descriptor 1, the
# others for their turn to write — not for "import of a module".
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/gs-dump.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fifo="$dir/pipe"
mkfifo "$fifo"
"$GS" -e '
let pad = "x".repeat(300)
fn writer(name) { for i in 0..400 { print(name + " " + pad) } }
let a = spawn writer("a")
a.name = "first"
let b = spawn writer("b")
b.name = "second"
let c = spawn writer("c")
c.name = "third"
a.join()
b.join()
c.join()
' > "$fifo" 2> "$dir/err" &
pid=$!
exec 3< "$fifo"                      # open the reader, but read nothing yet
sleep 0.3                            # the pipe fills: a waits for room, b for its turn
kill -QUIT $pid
for _ in $(seq 1 50); do grep -q "fibers:" "$dir/err" 2>/dev/null && break; sleep 0.1; done
cat <&3 > /dev/null                  # drain: both finish
wait $pid
status=$?
exec 3<&-
fail() { echo "FAIL: $1"; echo "--- stderr"; cat "$dir/err"; exit 1; }
[ $status -eq 0 ] || fail "exit status $status"
grep -q '^  fiber [0-9]* "[a-z]*": write on descriptor 1 at ' "$dir/err" || fail "no writer waits on the pipe"
n=$(grep -c '^  fiber [0-9]* "[a-z]*": its turn to write to standard output at ' "$dir/err")
[ "$n" = 2 ] || fail "expected two writers waiting for their turn, got $n"
! grep -q 'import of a module' "$dir/err" || fail "a writer described as an import"
exit 0
