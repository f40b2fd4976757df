# Through a pipe (fully buffered stdout) print and io.stdout still interleave,
# and io.stderr output is not lost.
set -e
errf=${TMPDIR:-/tmp}/gs_io_sh_err_$$
trap 'rm -f "$errf"' EXIT
out=$("$GS" -e 'for i in 0..3 { print("p${i}"); io.stdout.write("w${i}\n") }; io.stderr.write("err\n")' 2>"$errf")
err=$(cat "$errf")
[ "$out" = "$(printf 'p0\nw0\np1\nw1\np2\nw2')" ] || { echo "bad stdout: $out"; exit 1; }
[ "$err" = "err" ] || { echo "bad stderr: $err"; exit 1; }
