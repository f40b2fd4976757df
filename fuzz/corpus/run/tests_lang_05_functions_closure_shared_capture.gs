# Closures capturing the same variable share it.
fn make() {
  let n = 0
  let inc = fn() { n += 1 }
  let get = fn() => n
  return [inc, get]
}
let fs = make()
let inc = fs[0]
let get = fs[1]
inc()
inc()
print(get())
# expect: 2
