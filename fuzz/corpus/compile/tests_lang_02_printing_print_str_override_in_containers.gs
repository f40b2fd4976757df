# str() is used for instances inside lists and maps too.
class P {
  fn init(x) { self.x = x }
  fn str() { return "P${self.x}" }
}
print([P(1), P(2)])
print({"p": P(3)})
# expect: [P1, P2]
# expect: {"p": P3}
