# A timeout stops a CPU-bound recursion (checked on calls).
fn fib(n) {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
try {
  timeout(0.05, fn() { return fib(60) })
} catch e {
  print(e.kind)
}
# expect: timeout
