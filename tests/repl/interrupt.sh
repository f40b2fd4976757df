# REPL: Ctrl-C discards the input typed so far (one line or a whole
# unfinished entry) and interrupts a running evaluation — a loop, a sleep, a
# fiber spinning after the entry — with an `interrupted` error, without
# leaving the REPL or losing its state.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
# (Ctrl-C is sent only once the keys before it were echoed: the terminal
# throws away typed keys the program has not read yet when it sends SIGINT.)
expect "gs> "
send abc def
next "abc def"
send \x03
next "^C\ngs> "
send 1\r
next "1\n1\ngs> "
# cursor in the middle of the line: still all discarded
send 123456\e[D\e[Dx
next "123456x56"
send \x03
expect "^C\ngs> "
send 2\r
next "2\n2\ngs> "
send fn g() {\r
next "fn g() {\n... "
send return 2
next "return 2"
send \x03
next "^C\ngs> "
send g\r
next "g\n<repl>:1:1: undefined variable 'g'\ngs> "
send let n = 0\r
next "let n = 0\ngs> "
send while true { n += 1 }\r
next "while true { n += 1 }\n"
sleep 0.3
send \x03
expect "<repl>:1:"
expect ": interrupted\n"
expect "\ngs> "
send n > 0\r
next "n > 0\ntrue\ngs> "
send sleep(30)\r
next "sleep(30)\n"
sleep 0.3
send \x03
expect "<repl>:1:1: interrupted\n"
expect "\ngs> "
send spawn { while true {} }\r
next "spawn { while true {} }\n<fiber "
sleep 0.3
send \x03
expect "error in fiber"
expect "interrupted"
expect "\ngs> "
send n > 0\r
next "n > 0\ntrue\ngs> "
send \x04
exit 0
SCRIPT
