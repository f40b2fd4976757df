# Files dropped without close() are closed by the GC: with only 64
# descriptors, opening 2000 files (and abandoning 500 line iterations) works.
set -e
p=${TMPDIR:-/tmp}/gs_io_gc_$$.txt
printf 'a\nb\n' >"$p"
trap 'rm -f "$p"' EXIT
out=$(ulimit -n 64; "$GS" -e "
  for i in 0..2000 { let f = io.open(\"$p\"); f.read_line() }
  for i in 0..500 { for l in io.lines(\"$p\") { break } }
  print(\"ok\")")
[ "$out" = ok ] || { echo "got: $out"; exit 1; }
