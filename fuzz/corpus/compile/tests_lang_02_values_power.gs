# a ** b is an int when both are ints and b >= 0, else a float.
print(2 ** 10, 2 ** -1, 2.0 ** 2, 10 ** 0, 0 ** 0)
print(type(2 ** 3), type(2 ** -1), type(2.0 ** 2), type(4 ** 0.5))
print(10 ** 18)
# expect: 1024 0.5 4.0 1 1
# expect: int float float float
# expect: 1000000000000000000
