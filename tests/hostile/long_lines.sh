# Hostile input: source lines of a megabyte (a list literal, a comment, a
# string, an identifier, a run of statements, a number) compile and run, or
# fail with a clear compile error; never a crash or a hang.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
rep() { yes -- "$1" | head -n "$2" | tr -d '\n'; }   # TEXT repeated N times
xs() { head -c "$1" /dev/zero | tr '\0' x; }       # N x's

{ printf 'let l = ['; rep '1,' 500000; printf ']\nprint(len(l))\n'; } >"$HDIR/list.gs"
hostile_run list "$HDIR/list.gs"; expect_ok "1 MB list literal" 500000

{ printf '# '; xs 1000000; printf '\nprint("ok")\n'; } >"$HDIR/comment.gs"
hostile_run comment "$HDIR/comment.gs"; expect_ok "1 MB comment" ok

{ printf 'let s = "'; xs 1000000; printf '"\nprint(len(s))\n'; } >"$HDIR/string.gs"
hostile_run string "$HDIR/string.gs"; expect_ok "1 MB string literal" 1000000

{ printf 'let s = "'; rep '\n\x41\u{e9}' 100000; printf '"\nprint(len(s))\n'; } >"$HDIR/escapes.gs"
hostile_run escapes "$HDIR/escapes.gs"; expect_ok "1 MB of escapes" 400000

{ printf 'let s = "'; rep '${1}' 200000; printf '"\nprint(len(s))\n'; } >"$HDIR/interp.gs"
hostile_run interp "$HDIR/interp.gs"; expect_ok_or_error "200 000 interpolations in one string" 200000 'interp\.gs:1:[0-9]+: '

{ printf 'let '; xs 1000000; printf ' = 1\nprint("ok")\n'; } >"$HDIR/ident.gs"
hostile_run ident "$HDIR/ident.gs"; expect_ok "1 MB identifier" ok

{ printf 'let x = 0; '; rep 'x += 1; ' 125000; printf '\nprint(x)\n'; } >"$HDIR/stmts.gs"
hostile_run stmts "$HDIR/stmts.gs"; expect_ok "125 000 statements on one line" 125000

{ printf 'let x = '; head -c 1000000 /dev/zero | tr '\0' 7; printf '\nprint(x)\n'; } >"$HDIR/int.gs"
hostile_run int "$HDIR/int.gs"; expect_clean_error "1 MB integer literal" 'int\.gs:1:9: .*too large'

{ printf 'let x = 0.'; head -c 1000000 /dev/zero | tr '\0' 5; printf '\nprint(x)\n'; } >"$HDIR/float.gs"
hostile_run float "$HDIR/float.gs"; expect_ok "1 MB float literal" 0.55555555555556

{ printf 'fn f(...a) { return len(a) }\nprint(f('; rep '1,' 300000; printf '))\n'; } >"$HDIR/args.gs"
hostile_run args "$HDIR/args.gs"; expect_ok_or_error "300 000 arguments in a call" 300000 'args\.gs:2:[0-9]+: '

{ printf 'let m = {'; for i in $(seq 1 80000); do printf '"k%d": %d,' "$i" "$i"; done; printf '}\nprint(len(m))\n'; } >"$HDIR/map.gs"
hostile_run map "$HDIR/map.gs"; expect_ok_or_error "80 000-entry map literal" 80000 'map\.gs:1:[0-9]+: '

hostile_done
