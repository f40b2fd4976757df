# sum() of ints wraps around on overflow, like +.
print([math.max_int, 1].sum() == math.min_int)
# expect: true
