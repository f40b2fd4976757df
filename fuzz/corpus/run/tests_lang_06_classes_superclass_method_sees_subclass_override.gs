# A superclass method calling self.m() gets the subclass's override.
class Base {
  fn describe() { return "I am " + self.name() }
  fn name() { return "base" }
}
class Derived : Base {
  fn name() { return "derived" }
}
print(Base().describe(), Derived().describe())
# expect: I am base I am derived
