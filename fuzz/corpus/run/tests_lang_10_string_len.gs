# s.len() counts bytes.
print("hello".len(), "".len(), "\u{e9}".len(), "a\0b".len())
# expect: 5 0 2 3
