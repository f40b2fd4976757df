# super.method() calls the superclass's version.
class Animal {
  fn speak() { return "..." }
}
class Dog : Animal {
  fn speak() { return "woof " + super.speak() }
}
print(Dog().speak())
# expect: woof ...
