# Lists, maps and functions compare by identity; strings by content.
let a = [1]
let b = a
print(a == b, a == [1], a != [1])
let m = {"k": 1}
print(m == m, m == {"k": 1})
fn f() { return 1 }
print(f == f)
print("ab" == "a" + "b")
# expect: true false true
# expect: true false
# expect: true
# expect: true
