# os.signal takes a signal over even when the process inherited it as ignored (as Go's signal.Notify does).
trap '' USR1
out=$(timeout 10 "$GS" -e 'let ch = os.signal("USR1")
proc.run(["kill", "-USR1", "${os.pid()}"])
print(ch.recv())
os.signal_stop(ch)
proc.run(["kill", "-USR1", "${os.pid()}"])
print("ignored again")')
[ "$out" = "USR1
ignored again" ] || { echo "output: $out"; exit 1; }
echo ok
