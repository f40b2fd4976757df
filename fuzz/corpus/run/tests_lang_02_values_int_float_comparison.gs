# Comparisons between int and float are mathematical.
print(1 < 1.5, 2 > 1.5, 1 <= 1.0, 1 >= 1.0, 1 == 1.0, 2 != 2.0, 3 >= 3.5)
print(-1 < -0.5, 0 == -0.0)
# expect: true true true true true false false
# expect: true true
