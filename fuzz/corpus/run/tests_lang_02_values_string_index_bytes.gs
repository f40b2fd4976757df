# Indexing is by byte, not by character.
let s = "\u{e9}"
print(len(s), s[0].bytes(), s[1].bytes(), s[-1].bytes())
# expect: 2 [195] [169] [169]
