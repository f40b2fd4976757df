# index_of(v) gives the index of the first equal element.
print(["a", "b", "c"].index_of("c"), [1, 2, 3, 2].index_of(2), [1, 2].index_of(1))
# expect: 2 1 0
