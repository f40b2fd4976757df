#!/usr/bin/env bash
# With SIGPIPE ignored, a script writing into a pipe whose reader has gone
# stops at the next write: "gs: write error on standard output: Broken pipe",
# exit status 1, instead of running to its end with its output lost.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap '' PIPE
"$GS" -e 'for i in 0..3000000 { print(i) }; io.stderr.write("ran to the end\n")' 2>"$tmp/err" | head -1 >"$tmp/out"
st=${PIPESTATUS[0]}
[ "$(cat "$tmp/out")" = 0 ] || { echo "bad first line"; cat "$tmp/out"; exit 1; }
[ $st = 1 ] || { echo "exit $st, expected 1"; cat "$tmp/err"; exit 1; }
[ "$(cat "$tmp/err")" = "gs: write error on standard output: Broken pipe" ] || { echo "stderr:"; cat "$tmp/err"; exit 1; }
exit 0
