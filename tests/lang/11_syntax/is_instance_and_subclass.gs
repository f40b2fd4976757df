# `x is C` is true for an instance of C or of a subclass of C.
class Shape {}
class Circle : Shape {}
class Other {}
let c = Circle()
print(c is Circle, c is Shape, c is Other, Shape() is Circle)
# expect: true true false false
