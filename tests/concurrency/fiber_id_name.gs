# f.id is a unique int; f.name is nil until the script sets a string.
let a = spawn {}
let b = spawn {}
print(current_fiber().id, a.id != b.id, type(a.id))
print(a.name)
a.name = "worker 3"
print(a.name)
try { a.name = 5 } catch e { print("error") }
# expect: 0 true int
# expect: nil
# expect: worker 3
# expect: error
