# closures: creating closures that capture variables, calling them, shared
# mutable upvalues, closures passed as arguments.
let N = 5000000
if len(os.args) > 0 { N = int(os.args[0]) }

fn make_adder(n) {
  return fn(x) => x + n
}

fn make_counter() {
  let count = 0
  return [fn() { count += 1; return count }, fn() => count]
}

fn apply_twice(f, x) { return f(f(x)) }

let total = 0
let counter = make_counter()
let inc = counter[0]
let get = counter[1]
for i in 0..N {
  let add = make_adder(i % 16)
  total += apply_twice(add, i)
  inc()
  let k = i % 4
  total += apply_twice(fn(y) => y * 2 + k, 1)
  total = total % 1000000007
}
print(total, get())
