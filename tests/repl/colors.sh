# REPL: on a terminal, results are colored (numbers, strings, nil/bool) and
# errors are red; NO_COLOR, or standard output not being a terminal, gives
# plain text. Long results are shortened with "… N more"; :full and
# gs --repl-full show them whole.
. "$(dirname "$0")/lib.bash"

esc=$'\033'
has() { grep -qF -- "$2" "$1" || { echo "FAILED: $1 lacks: $2" | cat -v; exit 1; }; }
lacks() { ! grep -qF -- "$2" "$1" || { echo "FAILED: $1 has: $2" | cat -v; exit 1; }; }

DRIVE_RAW=$T/raw
drive <<'SCRIPT'
expect "gs> "
send 1 + 2\r
expect "\n3\ngs> "
send ["a", nil, true, 2.5]\r
expect "\ngs> "
send error("boom")\r
expect "boom"
expect "gs> "
send range(100000).list()\r
expect " more]\ngs> "
send :full\r
expect "(results are shown in full)\ngs> "
send range(3000).list()\r
expect "2998, 2999]\ngs> "
send :full\r
expect "(long results are shortened)\ngs> "
send \x04
exit 0
SCRIPT
has "$T/raw" "${esc}[33m3${esc}[0m"
has "$T/raw" "[${esc}[32m\"a\"${esc}[0m, ${esc}[35mnil${esc}[0m, ${esc}[35mtrue${esc}[0m, ${esc}[33m2.5${esc}[0m]"
has "$T/raw" "${esc}[31m<repl>:1:1: boom"
has "$T/raw" "[${esc}[33m0${esc}[0m, ${esc}[33m1${esc}[0m"
has "$T/raw" "… 99"

# NO_COLOR: plain
export NO_COLOR=1
DRIVE_RAW=$T/raw2
drive <<'SCRIPT'
expect "gs> "
send 1 + 2\r
expect "\n3\ngs> "
send error("boom")\r
expect "gs> "
send \x04
exit 0
SCRIPT
unset NO_COLOR
lacks "$T/raw2" "${esc}[33m"
lacks "$T/raw2" "${esc}[31m"

# standard output not a terminal: plain results
real=$GS
cat > "$T/wrap.sh" <<EOF2
#!/bin/sh
exec "$real" "\$@" > "$T/out.txt"
EOF2
chmod +x "$T/wrap.sh"
GS=$T/wrap.sh
drive <<'SCRIPT'
expect "gs> "
send 40 + 2\r
# Wait for the prompt: a ^D typed ahead while the line runs meets the
# terminal in cooked mode, where it is an end-of-line event, not a byte,
# and libedit never sees it (slow under ASan, this lost the ^D).
expect "gs> "
send \x04
exit 0
SCRIPT
GS=$real
has "$T/out.txt" "42"
lacks "$T/out.txt" "${esc}["

# gs --repl-full starts with long results in full
drive --repl-full <<'SCRIPT'
expect "gs> "
send range(3000).list()\r
expect "2998, 2999]\ngs> "
send \x04
exit 0
SCRIPT
exit 0
