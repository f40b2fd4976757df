# sum() is l[0] + l[1] + ... with the language's +: strings and lists join, a class's + is used.
class Money {
  fn init(c) { self.c = c }
  fn +(o) { return Money(self.c + o.c) }
}
print(["a", "b", "c"].sum())
print([[1], [2, 3]].sum())
print([Money(5), Money(7), Money(1)].sum().c)
print([Money(4)].sum().c)
# expect: abc
# expect: [1, 2, 3]
# expect: 13
# expect: 4
