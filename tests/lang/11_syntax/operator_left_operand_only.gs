# Arithmetic operators are looked up on the left operand only.
class M { fn *(k) { return "scaled" } }
print(M() * 2)
try { print(2 * M()) } catch e { print(e.message) }
# expect: scaled
# expect: cannot multiply int and instance
