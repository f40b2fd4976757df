# sum() adds the elements; an empty list sums to 0; ints and floats mix like +.
print([1, 2, 3].sum())
print([].sum())
print([1, 2.5].sum())
print([0.5, 0.25].sum())
# expect: 6
# expect: 0
# expect: 3.5
# expect: 0.75
