# min() and max() give the smallest and largest element by <: numbers across int/float, strings bytewise.
print([3, 1, 2].min(), [3, 1, 2].max())
print([2.5, -1, 7].min(), [2.5, -1, 7].max())
print(["pear", "apple", "fig"].min(), ["pear", "apple", "fig"].max())
print([42].min(), [42].max())
# expect: 1 3
# expect: -1 7
# expect: apple pear
# expect: 42 42
