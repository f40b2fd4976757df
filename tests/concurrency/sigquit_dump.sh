# SIGQUIT prints every live fiber's state and traceback to stderr, and the program keeps running.
set -u
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/dump.gs" <<'GS'
let ch = chan()
fn reader() { return ch.recv() }
let f = spawn reader()
f.name = "reader"
let stop = chan()
spawn { stop.recv() }
print("ready")
let t = os.clock()
while true {
  sleep(0.01)
  try { io.read_file(os.args[0]); break } catch e { }
}
ch.send(1)
stop.send(1)
print("done")
GS
"$GS" "$dir/dump.gs" "$dir/go" > "$dir/out" 2> "$dir/err" &
pid=$!
for _ in $(seq 1 100); do grep -q ready "$dir/out" 2>/dev/null && break; sleep 0.1; done
kill -QUIT $pid
for _ in $(seq 1 100); do grep -q "fibers:" "$dir/err" 2>/dev/null && break; sleep 0.1; done
touch "$dir/go"
wait $pid
status=$?
fail() { echo "FAIL: $1"; echo "--- stdout"; cat "$dir/out"; echo "--- stderr"; cat "$dir/err"; exit 1; }
[ $status -eq 0 ] || fail "exit status $status"
grep -q '^done$' "$dir/out" || fail "the program did not keep running"
grep -q '^fibers: 3 live$' "$dir/err" || fail "no fiber table header"
grep -q '^  fiber 0 (main): ' "$dir/err" || fail "main fiber missing"
grep -q '^  fiber 1 "reader": recv on channel 0x[0-9a-f]* at .*dump.gs:2$' "$dir/err" || fail "reader line"
grep -q '^    .*dump.gs:2 in reader$' "$dir/err" || fail "reader traceback"
grep -q '^    spawned at .*dump.gs:3 in <script>$' "$dir/err" || fail "spawned at line"
exit 0
