# len() method and builtin.
print({}.len(), {"a": 1, "b": 2}.len(), len({"a": 1}))
# expect: 0 2 1
