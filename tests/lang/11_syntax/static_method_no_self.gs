# `self` inside a static method is a compile error.
class C { static fn f() { return self } }
# expect no output
# expect error: static_method_no_self.gs:2:34: 'self' used outside a method
