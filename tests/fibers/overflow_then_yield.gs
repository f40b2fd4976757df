# After catching a stack overflow, the fiber's stack is usable again: deep native yields still work.
# slow
# (a fiber's C stack grows to the main fiber's: thousands of nested re-entries)
fn f(n) { return [n].map(fn(x) => f(x + 1)) }
fn nest(n) {
  if n == 0 { yield; return 0 }
  return [n].map(fn(x) => nest(x - 1))[0] + 1
}
let a = spawn {
  for round in 0..3 {
    try { f(0) } catch e { }
    nest(20)
  }
  return "a ok"
}
let b = spawn { for i in 0..10 { yield }; return "b ok" }
print(a.join(), b.join())
let g = fiber(fn() {
  try { f(0) } catch e { yield e.message }
  return nest(20)
})
print(g.resume())
print(g.resume())
print(g.resume())
# expect: a ok b ok
# expect: stack overflow
# expect: nil
# expect: 20
