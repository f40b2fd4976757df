# REPL: an expression entered on its own prints its value the way lists and
# maps show elements (strings quoted); nil, statements and declarations print
# nothing; the prompt is `gs> `.
. "$(dirname "$0")/lib.bash"

# `next` checks the output right after the previous match, exactly: the echo
# of the typed line, the printed value, the next prompt.
drive <<'SCRIPT'
expect "gs> "
send 1 + 2\r
next "1 + 2\n3\ngs> "
send "a"\r
next "\"a\"\n\"a\"\ngs> "
send [1, "b"]\r
next "[1, \"b\"]\n[1, \"b\"]\ngs> "
send let m = {"k": 2.5, 1: nil}\r
next "let m = {\"k\": 2.5, 1: nil}\ngs> "
send m\r
next "m\n{\"k\": 2.5, 1: nil}\ngs> "
send nil\r
next "nil\ngs> "
send print("hi")\r
next "print(\"hi\")\nhi\ngs> "
send 1.0\r
next "1.0\n1.0\ngs> "
send 7 // 2; 10 % 4\r
next "7 // 2; 10 % 4\n2\ngs> "
send fn twice(x) { return x * 2 }\r
next "fn twice(x) { return x * 2 }\ngs> "
send twice\r
next "twice\n<fn twice>\ngs> "
send twice(21)\r
next "twice(21)\n42\ngs> "
send class P { fn str() { return "P!" } }\r
next "class P { fn str() { return \"P!\" } }\ngs> "
send P()\r
next "P()\nP!\ngs> "
send str(P())\r
next "str(P())\n\"P!\"\ngs> "
send 0..3\r
next "0..3\n0..3\ngs> "
# a tab is inserted (not completion); the echo shows it as spaces
send "tab\there"\r
expect "\n\"tab\\there\"\ngs> "
send \x04
exit 0
SCRIPT
