# replace with a function: it gets the match and returns the replacement (non-strings through str()).
print(re.replace("[0-9]+", "a1 b22 c3", fn(m) => int(m.text) * 2))
let rx = re.compile("(\\w+)@(\\w+)")
print(rx.replace("ann@x bob@y", fn(m) => m.group(2) + "!" + m.group(1), 1))
print(re.replace("\\s+", "a  b   c", fn(m) => "${len(m.text)}"))
# expect: a2 b44 c6
# expect: x!ann bob@y
# expect: a2b3c
