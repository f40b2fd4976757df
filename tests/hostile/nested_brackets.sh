# Hostile input: 100 000 nested brackets of each kind — ( [ { as a map, {
# as a block, if-blocks, function literals, calls, index, interpolation —
# are refused with a clear compile error (`nesting too deep`, documented in
# docs/language.md: syntax nested deeper than 2000 levels) or work; never a
# crash (the parser, the resolver and the compiler all recurse) or a hang.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
rep() { yes -- "$1" | head -n "$2" | tr -d '\n'; }
N=100000
ERR='[0-9]+: nesting too deep'

{ printf 'let x = '; rep '(' $N; printf 1; rep ')' $N; printf '\nprint(x)\n'; } >"$HDIR/paren.gs"
hostile_run paren "$HDIR/paren.gs"; expect_ok_or_error "100 000 parentheses" 1 "paren\.gs:1:$ERR"

{ printf 'let x = '; rep '[' $N; rep ']' $N; printf '\nprint(len(x))\n'; } >"$HDIR/list.gs"
hostile_run list "$HDIR/list.gs"; expect_ok_or_error "100 000 list brackets" 1 "list\.gs:1:$ERR"

{ printf 'let x = '; rep '{"a": ' $N; printf 1; rep '}' $N; printf '\nprint(len(x))\n'; } >"$HDIR/map.gs"
hostile_run map "$HDIR/map.gs"; expect_ok_or_error "100 000 map braces" 1 "map\.gs:1:$ERR"

{ rep '{' $N; rep '}' $N; printf '\nprint("ok")\n'; } >"$HDIR/block.gs"
hostile_run block "$HDIR/block.gs"; expect_ok_or_error "100 000 nested blocks" ok "block\.gs:1:$ERR"

{ rep 'if true {' $N; rep '}' $N; printf '\nprint("ok")\n'; } >"$HDIR/if.gs"
hostile_run if "$HDIR/if.gs"; expect_ok_or_error "100 000 nested ifs" ok "if\.gs:1:$ERR"

{ printf 'let x = 1\n'; rep 'if x == 0 { } else ' $N; printf '{ print("ok") }\n'; } >"$HDIR/else.gs"
hostile_run else "$HDIR/else.gs"; expect_ok_or_error "100 000 chained else-ifs" ok "else\.gs:2:$ERR"

{ printf 'let f = '; rep 'fn() { return ' $N; printf 1; rep ' }' $N; printf '\nprint(type(f))\n'; } >"$HDIR/fn.gs"
hostile_run fn "$HDIR/fn.gs"; expect_ok_or_error "100 000 nested function literals" function "fn\.gs:1:$ERR"

{ printf 'fn f(x) { return x }\nlet x = '; rep 'f(' $N; printf 1; rep ')' $N; printf '\nprint(x)\n'; } >"$HDIR/call.gs"
hostile_run call "$HDIR/call.gs"; expect_ok_or_error "100 000 nested calls" 1 "call\.gs:2:$ERR"

{ printf 'let l = [0]\nlet x = '; rep 'l[' $N; printf 0; rep ']' $N; printf '\nprint(x)\n'; } >"$HDIR/index.gs"
hostile_run index "$HDIR/index.gs"; expect_ok_or_error "100 000 nested index brackets" 0 "index\.gs:2:$ERR"

{ printf 'let x = '; rep '"${' $N; printf 1; rep '}"' $N; printf '\nprint(x)\n'; } >"$HDIR/interp.gs"
hostile_run interp "$HDIR/interp.gs"; expect_ok_or_error "100 000 nested interpolations" 1 "interp\.gs:1:[0-9]+: "

{ printf 'let x = '; rep '(' $N; printf '\n'; } >"$HDIR/open.gs"
hostile_run open "$HDIR/open.gs"; expect_clean_error "100 000 unclosed parentheses" 'open\.gs:[0-9]+:[0-9]+: '

{ rep ')]}' $N; printf '\n'; } >"$HDIR/close.gs"
hostile_run close "$HDIR/close.gs"; expect_clean_error "300 000 unmatched closing brackets" 'close\.gs:1:[0-9]+: '

hostile_done
