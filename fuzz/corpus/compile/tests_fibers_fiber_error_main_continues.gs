# The main fiber keeps running after another fiber died; the status is still 1.
spawn { error("dead") }
yield
print("main continues")
let f = spawn { return "ok" }
print(f.join())
# expect: main continues
# expect: ok
# expect error: error in fiber 1:
# expect error: dead
# expect exit: 1
