# fib: naive doubly recursive Fibonacci (function-call overhead).
let N = 37
if len(os.args) > 0 { N = int(os.args[0]) }

fn fib(n) {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}

print(fib(N))
