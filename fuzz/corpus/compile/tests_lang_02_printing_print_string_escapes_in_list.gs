# Quoted strings inside containers show escapes.
print(["a\"b", "x\ny", "t\tz", "back\\slash"])
# expect: ["a\"b", "x\ny", "t\tz", "back\\slash"]
