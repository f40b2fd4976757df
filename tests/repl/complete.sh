# REPL: Tab completes names (builtins, keywords, names declared at the
# prompt), members of modules, of variables' values and of literals, and file
# names in import "..."; a unique candidate is inserted, several are listed
# in columns and the input is redrawn below them. Completing runs no code.
. "$(dirname "$0")/lib.bash"

mkdir -p "$T/proj/lib"
echo 'let v = 42' > "$T/proj/lib/answer.gs"
cd "$T/proj" || exit 1

drive <<'SCRIPT'
expect "gs> "
send pri\t("x")\r
next "print(\"x\")\nx\ngs> "
send math.fl\t(2.5)\r
next "math.floor(2.5)\n2\ngs> "
send let xs = [3, 1, 2]\r
expect "gs> "
send xs.so\t()\r
next "xs.sort()\n[1, 2, 3]\ngs> "
send "abc".sta\t("a")\r
next "\"abc\".starts_with(\"a\")\ntrue\ngs> "
send [1, 2].rev\t()\r
next "[1, 2].reverse()\n[2, 1]\ngs> "
send let my_counter = 5\r
expect "gs> "
send my_c\t\r
next "my_counter\n5\ngs> "
send whi\t false { }\r
next "while false { }\ngs> "
# several candidates: listed under the input, then the input again
send math.s\t
next "math.s\nseed  sign  sin   sqrt\ngs> math.s"
send q\t(16)\r
next "qrt(16)\n4.0\ngs> "
# fields and methods of an instance
send class P { fn init() { self.width = 3 } fn area() { return 9 } }\r
expect "gs> "
send let p = P()\r
expect "gs> "
send p.wi\t\r
next "p.width\n3\ngs> "
# file names after import "
send import "li\t
next "import \"lib/"
send an\t"\r
next "answer\"\ngs> "
send answer.v\r
next "answer.v\n42\ngs> "
# completion never runs code: no str(), no call
send class Loud { fn str() { print("RAN STR"); return "x" } }\r
expect "gs> "
send fn side() { print("RAN SIDE"); return [1] }\r
expect "gs> "
send let loud = Loud()\r
expect "gs> "
send loud.\t
next "loud.str"
send \x03
expect "gs> "
send side().le\t
send \x03
expect "gs> "
absent "RAN"
send \x04
exit 0
SCRIPT
