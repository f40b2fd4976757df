# A function body may refer to a module variable declared later.
fn f() { return later * 2 }
let later = 21
print(f())
# expect: 42
