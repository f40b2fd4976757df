# Methods take default and rest parameters like functions.
class F {
  fn g(a, b = 10, ...more) { return [a, b, more] }
}
let f = F()
print(f.g(1), f.g(1, 2, 3, 4))
# expect: [1, 10, []] [1, 2, [3, 4]]
