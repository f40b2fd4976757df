# While a channel exists for INT, SIGINT does not interrupt the script; after os.signal_stop, Ctrl-C interrupts it again.
out=$(timeout 10 "$GS" -e 'let ch = os.signal("INT")
proc.run(["kill", "-INT", "${os.pid()}"])
print("got", ch.recv())
os.signal_stop(ch)
print("stopped")
proc.run(["kill", "-INT", "${os.pid()}"])
while true { sleep(0.01) }' 2>&1)
status=$?
expected="got INT
stopped"
[ "$(printf '%s\n' "$out" | head -2)" = "$expected" ] || { echo "output: $out"; exit 1; }
printf '%s\n' "$out" | sed -n 3p | grep -q 'interrupted$' || { echo "not interrupted: $out"; exit 1; }
[ $status = 1 ] || [ $status = 130 ] || { echo "status $status"; exit 1; }
echo ok
