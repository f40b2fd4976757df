#!/usr/bin/env bash
# SIGINT (Ctrl-C) while input() or io.stdin waits for a line stops the
# script with `interrupted` and exit status 1; it is not end of input.
. "$(dirname "$0")/sigint_lib.bash"
mkfifo "$SIGINT_DIR/in"
exec 3<>"$SIGINT_DIR/in"   # a writer that never writes: reads wait
sigint_stop input 'io.stderr.write("go\n")
let line = input()
print("got", line)' "$SIGINT_DIR/in"
sigint_stop "input in try" 'io.stderr.write("go\n")
try { input() } catch e { print("caught") }
print("ran on")' "$SIGINT_DIR/in"
sigint_stop read_line 'io.stderr.write("go\n")
let line = io.stdin.read_line()
print("got", line)' "$SIGINT_DIR/in"
sigint_stop read 'io.stderr.write("go\n")
let data = io.stdin.read()
print("got", data)' "$SIGINT_DIR/in"
exit 0
