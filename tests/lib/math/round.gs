# math.round(x) rounds half away from zero and returns an int; an int comes back unchanged.
print(math.round(2.5), math.round(-2.5), math.round(0.49999999999999994), math.round(-0.4), math.round(7))
print(type(math.round(2.4)), math.round(9007199254740993))
# expect: 3 -3 0 0 7
# expect: int 9007199254740993
