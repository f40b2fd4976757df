# os.pid() is the interpreter's process id.
set -e
out=$(exec "$GS" -e 'print(os.pid())' & echo "pid $!"; wait)
gs_pid=$(printf '%s\n' "$out" | grep -v pid)
sh_pid=$(printf '%s\n' "$out" | sed -n 's/^pid //p')
[ "$gs_pid" = "$sh_pid" ] || { echo "$out"; exit 1; }
