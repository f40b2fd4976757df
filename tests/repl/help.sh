# REPL: help(x) prints the signature and description of a builtin, a
# library function, a method or a script function; help() prints how to use
# the REPL.
. "$(dirname "$0")/lib.bash"

drive <<'SCRIPT'
expect "gs> "
send help(math.floor)\r
next "help(math.floor)\nmath.floor(x)\n  The largest int not greater than x.\ngs> "
send help("".split)\r
next "help(\"\".split)\nstring.split(sep?)\n  The pieces between occurrences of sep (default: runs of whitespace).\ngs> "
send fn area(w, h = 1) { return w * h }\r
expect "gs> "
send help(area)\r
next "help(area)\nfn area(w, h = 1)\ngs> "
send help()\r
next "help()\nGreenScript REPL\n"
expect "  Tab            complete names"
expect "gs> "
send \x04
exit 0
SCRIPT
