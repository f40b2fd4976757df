# Among equal elements min() and max() return the first one.
print([1, 1.0].min(), [1.0, 1].min())
print([2, 2.0].max(), [2.0, 2].max())
# expect: 1 1.0
# expect: 2 2.0
