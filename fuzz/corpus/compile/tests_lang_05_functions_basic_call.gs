# Declaring and calling a function.
fn add(a, b) { return a + b }
print(add(2, 3))
print(add("x", "y"))
# expect: 5
# expect: xy
