# Hostile input: NUL bytes and invalid UTF-8 in source. Inside a string
# literal or a comment they are just bytes (strings are byte sequences);
# anywhere else they are a clear compile error at their line and column. A
# NUL never ends the source early, and the error message shows the byte
# escaped, not raw.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup

printf 'let s = "a\000b"\nprint(len(s), s.bytes()[1])\n' >"$HDIR/nul_string.gs"
hostile_run nul_string "$HDIR/nul_string.gs"; expect_ok "NUL in a string literal" "3 0"

printf '# a\000b\nprint("ok")\n' >"$HDIR/nul_comment.gs"
hostile_run nul_comment "$HDIR/nul_comment.gs"; expect_ok "NUL in a comment" ok

printf 'print(1)\n\000print(2)\n' >"$HDIR/nul_code.gs"
hostile_run nul_code "$HDIR/nul_code.gs"; expect_clean_error "NUL between statements" 'nul_code\.gs:2:1: '
[ -z "$out" ] || { echo "FAIL NUL between statements: a compile error must run nothing"; HFAILS=$((HFAILS + 1)); }
if [ "$(tr -d '\000' <"$HDIR/nul_code.err" | wc -c)" != "$(wc -c <"$HDIR/nul_code.err")" ]; then
  echo "FAIL the NUL byte is printed raw in the message"; HFAILS=$((HFAILS + 1))
fi

printf 'let a\000b = 1\n' >"$HDIR/nul_ident.gs"
hostile_run nul_ident "$HDIR/nul_ident.gs"; expect_clean_error "NUL inside an identifier" 'nul_ident\.gs:1:6: '

printf 'print("ok")\000' >"$HDIR/nul_end.gs"
hostile_run nul_end "$HDIR/nul_end.gs"; expect_clean_error "NUL as the last byte" 'nul_end\.gs:1:12: '

printf '\000\000\000\000' >"$HDIR/nul_only.gs"
hostile_run nul_only "$HDIR/nul_only.gs"; expect_clean_error "a file of NULs" 'nul_only\.gs:1:1: '

printf 'let s = "\377\376\300\200\355\240\200"\nprint(len(s))\n' >"$HDIR/bad_string.gs"
hostile_run bad_string "$HDIR/bad_string.gs"; expect_ok "invalid UTF-8 in a string literal" 7

printf "let s = '\377'\nprint(s.bytes())\n" >"$HDIR/bad_string1.gs"
hostile_run bad_string1 "$HDIR/bad_string1.gs"; expect_ok "a 0xFF byte in a single-quoted string" "[255]"

printf '# \377\376 \300\200\nprint("ok")\n' >"$HDIR/bad_comment.gs"
hostile_run bad_comment "$HDIR/bad_comment.gs"; expect_ok "invalid UTF-8 in a comment" ok

printf 'let x = 1 \377 2\n' >"$HDIR/bad_code.gs"
hostile_run bad_code "$HDIR/bad_code.gs"; expect_clean_error "a 0xFF byte in code" 'bad_code\.gs:1:11: '

printf 'let caf\303\251 = 1\n' >"$HDIR/utf8_ident.gs"
hostile_run utf8_ident "$HDIR/utf8_ident.gs"; expect_clean_error "a UTF-8 letter in an identifier" 'utf8_ident\.gs:1:8: '

printf 'print("\342\202' >"$HDIR/cut_string.gs"
hostile_run cut_string "$HDIR/cut_string.gs"; expect_clean_error "a UTF-8 sequence cut by the end of file in a string" 'cut_string\.gs:1:[0-9]+: '

printf 'print("ok") # \342\202' >"$HDIR/cut_comment.gs"
hostile_run cut_comment "$HDIR/cut_comment.gs"; expect_ok "a UTF-8 sequence cut by the end of file in a comment" ok

printf '\357\273\277print("bom")\n' >"$HDIR/bom.gs"
hostile_run bom "$HDIR/bom.gs"; expect_ok_or_error "a UTF-8 byte-order mark" bom 'bom\.gs:1:1: '

# every byte value (but newline) in code, one per line: errors, never a crash
for b in $(seq 0 255); do
  [ "$b" = 10 ] && continue
  printf "let x$b = 1 \\$(printf '%03o' "$b") 2\n"
done >"$HDIR/bytes.gs"
hostile_run bytes "$HDIR/bytes.gs"
if [ "$rc" = 0 ] || [ "$rc" = 1 ]; then echo "ok every byte value in code"; else _hfail "every byte value in code" "exit $rc"; fi

hostile_done
