# += also concatenates strings and lists.
let s = "a"
s += "b"
s += "c"
let l = [1]
l += [2]
print(s, l)
# expect: abc [1, 2]
