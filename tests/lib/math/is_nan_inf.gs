# math.is_nan and math.is_inf test floats; ints are neither.
print(math.is_nan(math.nan), math.is_nan(0.0 / 0.0), math.is_nan(1), math.is_nan(math.inf))
print(math.is_inf(math.inf), math.is_inf(-math.inf), math.is_inf(1e308 * 10), math.is_inf(math.max_int), math.is_inf(math.nan))
# expect: true true false false
# expect: true true true false false
