# os.exit from a fiber, deep in calls and inside try, ends the whole program.
fn deep(n) { if n == 0 { os.exit(4) }; return deep(n - 1) }
let f = spawn fn() {
  try { [1].map(fn(_) => deep(50)) } catch e { print("caught?", e) }
}()
f.join()
print("not reached")
# expect no output
# expect exit: 4
