# gs without a terminal on standard input runs all of it as one program (no
# prompts, no printed values); `gs -` does so explicitly; --help and
# --version print to stdout and exit 0.
. "$(dirname "$0")/lib.bash"

fail() { echo "FAILED: $*"; exit 1; }

out=$(printf 'print(1)\n1 + 2\nlet x = 2\nprint(x * 3)\n' | "$GS" 2>&1) || fail "piped program exited $?"
[ "$out" = "$(printf '1\n6')" ] || fail "piped program printed: $out"

out=$(printf 'fn f() {\n  return 7\n}\nprint(f())\n' | "$GS" - 2>&1) || fail "gs - exited $?"
[ "$out" = 7 ] || fail "gs - printed: $out"

printf 'print("from file")\n' >"$T/prog.gs"
out=$("$GS" - <"$T/prog.gs" 2>&1) || fail "gs - <file exited $?"
[ "$out" = "from file" ] || fail "gs - <file printed: $out"

# an error in a piped program is fatal, as in a file
printf 'print(1)\nerror("bad")\nprint(2)\n' | "$GS" >"$T/out" 2>"$T/err"
rc=$?
[ $rc = 1 ] || fail "piped error exited $rc"
[ "$(cat "$T/out")" = 1 ] || fail "piped error printed: $(cat "$T/out")"
grep -q '<stdin>:2:1: bad' "$T/err" || fail "piped error message: $(cat "$T/err")"

out=$("$GS" --version) || fail "--version exited $?"
case $out in "GreenScript "[0-9]*) ;; *) fail "--version printed: $out" ;; esac
out=$("$GS" --help) || fail "--help exited $?"
case $out in "usage: gs"*) ;; *) fail "--help printed: $out" ;; esac
case $out in *REPL*) ;; *) fail "--help does not mention the REPL" ;; esac

# on a terminal, `gs -` still reads a program, not the REPL. (The second
# Ctrl-D: read_all_stdin in cli/main.c calls fread again after end of file,
# and glibc's fread of a large block reads the terminal again.)
drive - <<'SCRIPT'
send print("tty program")\r
sleep 0.2
send \x04
sleep 0.2
send \x04
expect "tty program"
exit 0
SCRIPT
exit 0
