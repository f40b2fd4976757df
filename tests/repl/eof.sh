# REPL: Ctrl-D on an empty line leaves with status 0, also in the middle of
# an unfinished entry; on a non-empty line it does not end the session.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
send \x04
exit 0
SCRIPT

drive <<'SCRIPT'
expect "gs> "
send 1 + 1\r
next "1 + 1\n2\ngs> "
send 12\x04\r
expect "\n12\ngs> "
send fn f() {\r
next "fn f() {\n... "
send \x04
exit 0
SCRIPT

# an error in the last entry does not change the exit status
drive <<'SCRIPT'
expect "gs> "
send error("x")\r
expect "\ngs> "
send \x04
exit 0
SCRIPT
