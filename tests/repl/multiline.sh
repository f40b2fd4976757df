# REPL: an unfinished entry (open block, bracket or string, a trailing
# operator) continues on the next line with the `... ` prompt; the parser
# decides, so braces inside strings do not count. An empty line while an
# entry is unfinished reports the error and starts over.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
send fn f() {\r
next "fn f() {\n... "
send return 1\r
next "return 1\n... "
send }\r
next "}\ngs> "
send f()\r
next "f()\n1\ngs> "
send let l = [1,\r
next "let l = [1,\n... "
send 2,\r
next "2,\n... "
send 3]\r
next "3]\ngs> "
send l\r
next "l\n[1, 2, 3]\ngs> "
send let s = 1 +\r
next "let s = 1 +\n... "
send 2\r
next "2\ngs> "
send s\r
next "s\n3\ngs> "
send let t = "a {\r
next "let t = \"a {\n... "
send b"\r
next "b\"\ngs> "
send t\r
next "t\n\"a {\\nb\"\ngs> "
send "}" + "{"\r
next "\"}\" + \"{\"\n\"}{\"\ngs> "
send class C {\r
next "class C {\n... "
send fn m() {\r
next "fn m() {\n... "
send return 7\r
next "return 7\n... "
send }\r
next "}\n... "
send }\r
next "}\ngs> "
send C().m()\r
next "C().m()\n7\ngs> "
send if true {\r
next "if true {\n... "
send print("yes")\r
next "print(\"yes\")\n... "
send }\r
next "}\nyes\ngs> "
send print(1,\r
next "print(1,\n... "
send 2)\r
next "2)\n1 2\ngs> "
# an empty line gives up on an unfinished entry, with the parser's error
send fn h() {\r
next "fn h() {\n... "
send \r
next "\n<repl>:2:1: "
expect "\ngs> "
send h\r
next "h\n<repl>:1:1: undefined variable 'h'\ngs> "
# a syntax error that is not at the end is reported at once
send let q = (1 + ]\r
next "let q = (1 + ]\n<repl>:1:"
expect "\ngs> "
send 40 + 2\r
next "40 + 2\n42\ngs> "
send \x04
exit 0
SCRIPT
