# utf8.from_codepoints(list) is the UTF-8 string of those code points; it undoes codepoints().
print(utf8.from_codepoints([104, 233, 0x20AC, 0x1F600]), "[" + utf8.from_codepoints([]) + "]")
let s = "Grüße, 世界 😀"
print(utf8.from_codepoints(utf8.codepoints(s)) == s, len(utf8.from_codepoints(range(0, 200).list())))
# expect: hé€😀 []
# expect: true 272
