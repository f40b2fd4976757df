# Static methods are inherited like other methods.
class Base { static fn kind() { return "base kind" } }
class Derived : Base {}
print(Derived.kind())
# expect: base kind
