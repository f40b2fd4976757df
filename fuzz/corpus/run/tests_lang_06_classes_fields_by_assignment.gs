# Fields are created by assignment, inside or outside methods.
class Bag {
  fn init() { self.a = 1 }
  fn add_b() { self.b = 2 }
}
let bag = Bag()
bag.add_b()
bag.c = 3
print(bag.a, bag.b, bag.c)
# expect: 1 2 3
