# floor/ceil return ints; an int argument comes back unchanged.
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7))
print(type(math.floor(2.0)), type(math.ceil(2.5)), math.floor(-0.5), math.ceil(-0.5))
print(math.floor(7), type(math.floor(7)), math.ceil(-9223372036854775807 - 1))
print(math.floor(1e18), math.ceil(-1e18))
# expect: 3 -4 4 -3
# expect: int int -1 0
# expect: 7 int -9223372036854775808
# expect: 1000000000000000000 -1000000000000000000
