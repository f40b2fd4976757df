# A ';' at the end of a line is harmless.
print("x");
let a = 1; let b = 2;
print(a + b);
# expect: x
# expect: 3
