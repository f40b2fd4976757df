# REPL: errors are reported as the CLI reports them (compile errors as
# <repl>:LINE:COL: message, runtime errors as <repl>:LINE:COL: message plus a
# traceback) and the session goes on with all its state; `let` may redeclare
# a name at the top level.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
send x\r
next "x\n<repl>:1:1: undefined variable 'x'\ngs> "
send let x = 5\r
next "let x = 5\ngs> "
send x\r
next "x\n5\ngs> "
send let x = "again"\r
next "let x = \"again\"\ngs> "
send x\r
next "x\n\"again\"\ngs> "
send 1 // 0\r
next "1 // 0\n<repl>:1:1: division by zero\n"
expect "\ngs> "
send fn bad(l) {\r
expect "... "
send return l[5]\r
expect "... "
send }\r
expect "gs> "
send bad([1])\r
next "bad([1])\n<repl>:2:8: index out of range\n"
expect "in bad"
expect "\ngs> "
send throw "boom"\r
expect "boom"
expect "\ngs> "
send 1 +* 2\r
next "1 +* 2\n<repl>:1:"
expect "\ngs> "
send x\r
next "x\n\"again\"\ngs> "
# str() that throws while the value is printed: reported, session goes on
send class Bad { fn str() { error("no str") } }\r
expect "gs> "
send Bad()\r
expect "no str"
expect "\ngs> "
send x + "!"\r
next "x + \"!\"\n\"again!\"\ngs> "
# an entry that prints without a final newline: the prompt starts a new line
send io.stdout.write("no newline")\r
expect "no newline\ngs> "
send \x04
exit 0
SCRIPT
