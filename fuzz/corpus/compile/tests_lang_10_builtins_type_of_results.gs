# Result types of arithmetic.
print(type(7 / 7), type(2 ** 2), type(2 ** -1), type(4 // 2), type(4.0 // 2))
print(type(type(1)), type(str(1)), type(len("")), type(1 == 1))
# expect: float int float int float
# expect: string string int bool
