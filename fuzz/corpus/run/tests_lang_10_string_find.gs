# find(sub) returns the byte index of the first match, or -1.
print("hello".find("l"), "hello".find("lo"), "hello".find("z"), "hello".find("h"))
print("\u{e9}x".find("x"))
# expect: 2 3 -1 0
# expect: 2
