# chars() is the list of one-byte strings.
print("abc".chars(), "".chars(), len("\u{e9}".chars()))
# expect: ["a", "b", "c"] [] 2
