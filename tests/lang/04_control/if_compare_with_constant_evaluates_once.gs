# A condition comparing a call's result with nil, a string, a bool or an int calls it once, in `if`, `while`, and `c ? a : b`.
let calls = 0
fn f() { calls += 1; return nil }
if f() == nil { print("nil") }
if f() != nil { print("never") }
if f() == "s" { print("never") }
if f() != true { print("not true") }
if f() == 3 { print("never") }
print(calls)
calls = 0
print(f() == nil ? "yes" : "no", calls)
let n = 0
fn next() { n += 1; return n }
while next() != 3 {}
print(n)
# expect: nil
# expect: not true
# expect: 5
# expect: yes 1
# expect: 3
