# Hostile input: programs past the compiler's encoding limits (16-bit
# operands) must get a clear compile error or run correctly — never run with
# a silently truncated operand.
#  - 70 000 top-level `let`s: module variable 65 536 + k must not alias
#    variable k (today GETMOD/SETMOD keep the low 16 bits: writing g69999
#    overwrites g4463).
#  - 70 000 distinct large integer constants: load_int() adds them to the
#    constant table without the "too many constants" check that load_k()
#    has, so constant 65 536 + k loads constant k.
#  - and the limits that are checked today, as a guard: 200 000 string
#    constants, 100 000 locals, a 100 000-parameter function, a 70 000-case
#    if/else chain in one function (long jumps).
. "$(dirname "$0")/hostile_lib.bash"
hostile_setup

awk 'BEGIN { for (i = 0; i < 70000; i++) printf "let g%d = %d\n", i, i % 1000;
             print "print(g4463, g69999)"; print "g69999 = -5"; print "print(g4463, g69999)" }' >"$HDIR/modvars.gs"
hostile_run modvars "$HDIR/modvars.gs"
expect_ok_or_error "70 000 module variables" "$(printf '463 999\n463 -5')" 'modvars\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "let l = []"; for (i = 0; i < 70000; i++) printf "l.push(%d)\n", 1000000 + i;
             print "print(l[0], l[65535], l[65536], l[69999])" }' >"$HDIR/intk.gs"
hostile_run intk "$HDIR/intk.gs"
expect_ok_or_error "70 000 integer constants" "1000000 1065535 1065536 1069999" 'intk\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "fn f() {"; print "let l = []"; for (i = 0; i < 70000; i++) printf "l.push(%d.5)\n", i;
             print "return l }"; print "let l = f()"; print "print(l[0], l[65536], l[69999])" }' >"$HDIR/floatk.gs"
hostile_run floatk "$HDIR/floatk.gs"
expect_ok_or_error "70 000 float constants in a function" "0.5 65536.5 69999.5" 'floatk\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "let l = []"; for (i = 0; i < 200000; i++) printf "l.push(\"s%d\")\n", i;
             print "print(len(l), l[199999])" }' >"$HDIR/strk.gs"
hostile_run strk "$HDIR/strk.gs"
expect_ok_or_error "200 000 string constants" "200000 s199999" 'strk\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "fn f() {"; for (i = 0; i < 100000; i++) printf "let v%d = %d\n", i, i;
             print "return v99999 }"; print "print(f())" }' >"$HDIR/locals.gs"
hostile_run locals "$HDIR/locals.gs"
expect_ok_or_error "100 000 locals" 99999 'locals\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { printf "fn f("; for (i = 0; i < 100000; i++) printf "p%d,", i; print ") { return p0 }"; print "print(f(1))" }' >"$HDIR/params.gs"
hostile_run params "$HDIR/params.gs"
expect_ok_or_error "100 000 parameters" 1 'params\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "fn f(x) {"; print "let s = 0"; print "if x {"; for (i = 0; i < 40000; i++) printf "s += %d\n", i % 7;
             print "}"; print "return s }"; print "print(f(false), f(true))" }' >"$HDIR/jumps.gs"
hostile_run jumps "$HDIR/jumps.gs"
expect_ok_or_error "a 40 000-statement if body (long forward jump)" "0 119995" 'jumps\.gs:[0-9]+:[0-9]+: '

awk 'BEGIN { print "let s = 0"; print "for i in 0..3 {"; for (i = 0; i < 40000; i++) printf "s += %d\n", i % 7;
             print "}"; print "print(s)" }' >"$HDIR/loop.gs"
hostile_run loop "$HDIR/loop.gs"
expect_ok_or_error "a 40 000-statement loop body (long backward jump)" 359985 'loop\.gs:[0-9]+:[0-9]+: '

hostile_done
