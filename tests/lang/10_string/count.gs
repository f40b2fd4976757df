# count(sub) counts non-overlapping occurrences, left to right.
print("banana".count("a"), "banana".count("ana"), "aaaa".count("aa"), "abc".count("x"), "".count("a"))
# expect: 3 1 2 0 0
