# format: %d and %s.
print("%d items".format(3))
print("%s and %s".format("a", "b"))
print("%s=%d".format("x", -5))
print("%s|%s|%s".format(42, 1.0, nil))
# expect: 3 items
# expect: a and b
# expect: x=-5
# expect: 42|1.0|nil
