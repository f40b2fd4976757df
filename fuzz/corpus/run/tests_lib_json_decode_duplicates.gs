# A repeated key keeps its first position and takes the last value.
print(json.decode('{"a": 1, "b": 2, "a": 3}'))
# expect: {"a": 3, "b": 2}
