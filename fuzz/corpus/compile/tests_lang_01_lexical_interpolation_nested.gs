# Interpolations can nest.
let name = "bob"
print("outer ${"inner ${name.upper()}"} end")
print("${"${"${1 + 1}"}"}")
# expect: outer inner BOB end
# expect: 2
