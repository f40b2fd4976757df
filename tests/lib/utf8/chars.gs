# utf8.chars(s) is the list of one-character strings, where s.chars() splits bytes.
print(utf8.chars("añ€😀"), utf8.chars(""), len("é".chars()), len(utf8.chars("é")))
# expect: ["a", "ñ", "€", "😀"] [] 2 1
