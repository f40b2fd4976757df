# sep.join(list) joins strings with sep between them.
print(", ".join(["a", "b", "c"]))
print("".join(["x", "y"]))
print("[" + "-".join([]) + "]")
print("-".join(["only"]))
# expect: a, b, c
# expect: xy
# expect: []
# expect: only
