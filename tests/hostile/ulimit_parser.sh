# A source whose syntax tree does not fit in 64 MiB of address space: the
# parser's arena reports `out of memory` as a compile error at the place it
# reached (exit 1) instead of aborting (`gs: out of memory (parser arena)`,
# exit 134).
. "$(dirname "$0")/hostile_lib.bash"
ulimit_skip
hostile_setup
"$GS" -e 'print("let l = [" + "1,".repeat(1000000) + "1]\nprint(len(l))")' >"$HDIR/wide.gs"
(ulimit -v 65536 && exec timeout -k 5 "$HTIMEOUT" "$GS" "$HDIR/wide.gs") >"$HDIR/wide.out" 2>"$HDIR/wide.err" </dev/null
rc=$?
out=$(cat "$HDIR/wide.out")
err=$(head -c 2000 "$HDIR/wide.err")
if [ "$rc" = 1 ] && [ -z "$out" ] && printf '%s\n' "$err" | grep -qE '^.*wide\.gs:1:[0-9]+: out of memory$' &&
   ! printf '%s\n' "$err" | grep -q fatal; then
  echo "ok the parser runs out of memory cleanly"
else
  _hfail parser "expected exit 1 and 'wide.gs:1:COL: out of memory', got $(_hdescribe)"
fi
hostile_done
