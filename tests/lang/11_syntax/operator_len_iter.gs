# `fn len()` serves len(x); `fn iter()` serves `for x in obj` with any iterable it returns.
class Bag {
  fn init(items) { self.items = items }
  fn len() { return len(self.items) }
  fn iter() { return self.items }
}
class Countdown {
  fn init(n) { self.n = n }
  fn iter() { return fiber(fn() { for i in range(self.n) { yield self.n - i } }) }
}
let b = Bag(["a", "b"])
print(len(b))
for x in b { print(x) }
for i, x in b { print(i, x) }
for k in Countdown(3) { print(k) }
# expect: 2
# expect: a
# expect: b
# expect: 0 a
# expect: 1 b
# expect: 3
# expect: 2
# expect: 1
