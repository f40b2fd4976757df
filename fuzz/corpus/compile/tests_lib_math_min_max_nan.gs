# A NaN anywhere among the arguments makes min/max NaN.
print(math.min(1, math.nan, 0), math.max(math.nan, 5), math.max([1, 2, math.nan]))
# expect: nan nan nan
