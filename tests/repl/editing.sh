# REPL: line editing is libedit's (emacs keys) and Enter sends the whole
# edited line, wherever the cursor is.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
# Home / End (two encodings each), Ctrl-A / Ctrl-E
send 23\e[H1\e[F4\r
expect "\n1234\ngs> "
send 56\eOH\eOF7\x015\x05\r
expect "\n5567\ngs> "
# Backspace, Delete, cursor left
send 1 + 30\x7f\r
expect "\n4\ngs> "
send 1 + 2x\e[D\e[3~\r
expect "\n3\ngs> "
# Ctrl-U kills the line, Ctrl-W the word before the cursor
send garbage\x157\r
expect "\n7\ngs> "
send 5 bogus\x17\r
expect "\n5\ngs> "
# Ctrl-Left moves by word
send 9 + 20\e[1;5D1\r
expect "\n129\ngs> "
# UTF-8 input is edited by character
send "héllo".len()\r
expect "\n6\ngs> "
send "é"\x7f\x7f"\r
expect "\n\"\"\ngs> "
# Ctrl-R searches the history
send let needle = 11\r
expect "gs> "
send 0\r
expect "gs> "
send \x12needle\r
expect "gs> "
send needle\r
expect "\n11\ngs> "
send \x04
exit 0
SCRIPT
