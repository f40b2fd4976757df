# os.exit flushes stdout (also when it is a pipe) and the exit status is kept.
set +e
out=$("$GS" -e 'for i in 0..1000 { print(i) }; io.stdout.write("end"); os.exit(7)')
rc=$?
set -e
[ "$rc" = 7 ] || { echo "status $rc"; exit 1; }
[ "$(printf '%s' "$out" | tail -c 3)" = end ] || { echo "lost output"; exit 1; }
[ "$(printf '%s\n' "$out" | wc -l)" = 1001 ] || { echo "lines: $(printf '%s\n' "$out" | wc -l)"; exit 1; }
