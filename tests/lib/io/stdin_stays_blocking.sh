# Waiting for standard input must not leave its descriptor non-blocking: the
# open file description is shared with whoever gave it to us (the shell's
# terminal, the other end of a pipeline), and a program run after us would
# get EAGAIN ("Resource temporarily unavailable") from a plain read.
# Here this shell holds the same description as fd 3 and looks at its flags.
set -e
exec 3< <(sleep 0.3; echo "a line"; sleep 0.3)
out=$("$GS" -e 'let other = spawn { sleep(0.01) }
print(input())' <&3)
[ "$out" = "a line" ] || { echo "got: $out"; exit 1; }
flags=$(awk '/^flags:/ { print $2 }' /proc/$$/fdinfo/3)
if (( (8#$flags & 8#4000) != 0 )); then
  echo "standard input left O_NONBLOCK after gs exited (flags $flags)"; exit 1
fi
