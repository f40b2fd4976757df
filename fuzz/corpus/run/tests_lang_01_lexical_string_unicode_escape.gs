# \u{XXXX} is the UTF-8 encoding of the code point.
print("\u{e9}".len())
print("\u{e9}".bytes())
print("\u{20AC}".bytes())
print("\u{1F600}".len())
print("\u{41}")
print("caf\u{e9}")
# expect: 2
# expect: [195, 169]
# expect: [226, 130, 172]
# expect: 4
# expect: A
# expect: café
