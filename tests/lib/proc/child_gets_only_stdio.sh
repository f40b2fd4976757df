# The child gets descriptors 0, 1, 2 and nothing else, even ones the parent inherited without close-on-exec; its pipes are blocking.
exec 7</dev/null 8>/dev/null
out=$("$GS" -e 'print(proc.run(["ls", "/proc/self/fd"]).stdout.split("\n").join(" "))')
[ "$out" = "0 1 2 3 " ] || { echo "child saw descriptors: $out"; exit 1; }
flags=$("$GS" -e 'let p = proc.start(["sh", "-c", "cat /proc/self/fdinfo/0 /proc/self/fdinfo/1"], {"stdin": "pipe", "stdout": "pipe"})
p.stdin.close()
print(p.stdout.read_all())
p.wait()' | awk '/^flags/ {print $2}')
for f in $flags; do
  # O_NONBLOCK is 04000 (octal)
  (( (8#$f & 8#4000) == 0 )) || { echo "child pipe is non-blocking: flags $f"; exit 1; }
done
[ -n "$flags" ] || { echo "no flags read"; exit 1; }
echo ok
