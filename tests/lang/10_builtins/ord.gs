# ord(s) is the code point of the first UTF-8 character of s.
print(ord("A"), ord("a"), ord("é"), ord("€uro"), ord("😀"), ord("\0"))
# expect: 65 97 233 8364 128512 0
