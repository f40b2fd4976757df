# Several defaults; later ones may be left out.
fn f(a, b = 2, c = 3) { return [a, b, c] }
print(f(1), f(1, 5), f(1, 5, 6))
# expect: [1, 2, 3] [1, 5, 3] [1, 5, 6]
