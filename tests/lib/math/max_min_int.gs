# math.max_int and math.min_int are the int range's ends; arithmetic past them wraps.
print(math.max_int, math.min_int, math.max_int + 1 == math.min_int, type(math.max_int))
# expect: 9223372036854775807 -9223372036854775808 true int
