# Recursive functions.
fn fib(n) {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
fn fact(n) {
  if n <= 1 { return 1 }
  return n * fact(n - 1)
}
print(fib(20), fact(20))
# expect: 6765 2432902008176640000
