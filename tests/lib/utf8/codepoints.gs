# utf8.codepoints(s) is the list of the characters' code points.
print(utf8.codepoints("añ€😀"), utf8.codepoints(""), utf8.codepoints("\u{10FFFF}"))
# expect: [97, 241, 8364, 128512] [] [1114111]
