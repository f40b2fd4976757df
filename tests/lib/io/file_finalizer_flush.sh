# A file written and never closed is flushed and closed when the program ends.
set -e
p=${TMPDIR:-/tmp}/gs_io_fin_$$.txt
trap 'rm -f "$p"' EXIT
"$GS" -e "let f = io.open(\"$p\", \"w\"); f.write(\"kept\")"
[ "$(cat "$p")" = kept ] || { echo "content: $(cat "$p")"; exit 1; }
"$GS" -e "let f = io.open(\"$p\", \"a\"); f.write(\"+exit\"); os.exit(0)"
[ "$(cat "$p")" = kept+exit ] || { echo "content after os.exit: $(cat "$p")"; exit 1; }
