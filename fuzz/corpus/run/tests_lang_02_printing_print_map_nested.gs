# Maps print as {key: value, ...} in insertion order.
print({"a": [1, 2], "b": {"c": "d"}, 3: true, 1.5: nil})
# expect: {"a": [1, 2], "b": {"c": "d"}, 3: true, 1.5: nil}
