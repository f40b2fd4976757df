# len() of strings (bytes), lists and maps.
print(len("hello"), len([1, 2, 3]), len({"a": 1}), len(""), len([]), len({}), len("\u{e9}"))
# expect: 5 3 1 0 0 0 2
