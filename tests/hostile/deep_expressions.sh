# Hostile input: expressions 100 000 operators deep — 1+1+...+1 (a deep
# left spine), -(-(-(...))), - - - 1, 1**1**... (right-associative), not not
# ..., a and a and ..., a < a < ..., "a" + "a" + ..., m.a.a.a..., fn() =>
# fn() => ... — compile and run, or fail with a clear compile error; never a
# stack overflow in the C parser, resolver or compiler.
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup
rep() { yes -- "$1" | head -n "$2" | tr -d '\n'; }
N=100000
ERR='[0-9]+: nesting too deep'

deep() {  # name prefix body suffix expected-output
  { printf '%s' "$2"; printf '%s\n' "$3"; printf '%s\n' "$4"; } >"$HDIR/$1.gs"
  hostile_run "$1" "$HDIR/$1.gs"
  expect_ok_or_error "$1" "$5" "$1\.gs:[0-9]+:$ERR"
}

deep add 'let x = ' "$(rep '1+' $N)1" 'print(x)' $((N + 1))
deep sub 'let x = ' "$(rep '1-' $N)1" 'print(x)' $((1 - N))
deep mul 'let x = ' "$(rep '1*' $N)1" 'print(x)' 1
deep neg_paren 'let x = ' "$(rep '-(' $N)1$(rep ')' $N)" 'print(x)' 1
deep neg 'let x = ' "$(rep '- ' $N)1" 'print(x)' 1
deep bnot 'let x = ' "$(rep '~' $N)5" 'print(x)' 5
deep pow 'let x = ' "$(rep '1**' $N)1" 'print(x)' 1
deep not 'let x = ' "$(rep 'not ' $N)true" 'print(x)' true
deep and 'let t = true; let x = ' "$(rep 't and ' $N)t" 'print(x)' true
deep or 'let f = false; let x = ' "$(rep 'f or ' $N)1" 'print(x)' 1
deep cmp 'let x = ' "$(rep '1 < ' $N)2" 'print(x)' true
deep concat 'let x = ' "$(rep '"a" + ' $N)\"a\"" 'print(len(x))' $((N + 1))
deep field 'let m = {"a": nil}; m["a"] = m; let x = m' "$(rep '.a' $N)" 'print(type(x))' map
deep call_chain 'fn f() { return f }; let x = f' "$(rep '()' $N)" 'print(type(x))' function
deep lambda 'let f = ' "$(rep 'fn() => ' $N)1" 'print(type(f))' function
deep ternary_like 'let x = 0; x = ' "$(rep '(x or ' $N)1$(rep ')' $N)" 'print(x)' 1

hostile_done
