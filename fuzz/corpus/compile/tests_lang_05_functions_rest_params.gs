# '...xs' collects the remaining arguments in a list.
fn sum(...xs) {
  let t = 0
  for x in xs { t += x }
  return t
}
print(sum(), sum(1), sum(1, 2, 3))
fn f(a, ...rest) { return [a, rest] }
print(f(1), f(1, 2, 3))
fn g(...xs) { return type(xs) }
print(g())
# expect: 0 1 6
# expect: [1, []] [1, [2, 3]]
# expect: list
