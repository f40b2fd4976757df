# utf8.from_codepoints raises for a non-list, a non-int element (type) and a surrogate or out-of-range code point (value).
try { utf8.from_codepoints("abc") } catch e { print(e.kind, e.message) }
try { utf8.from_codepoints([65, "B"]) } catch e { print(e.kind, e.message) }
try { utf8.from_codepoints([65, 1.5]) } catch e { print(e.kind, e.message) }
try { utf8.from_codepoints([0xD800]) } catch e { print(e.kind, e.message) }
try { utf8.from_codepoints([65, 66, 0x110000]) } catch e { print(e.kind, e.message) }
try { utf8.from_codepoints([-1]) } catch e { print(e.kind, e.message) }
print(utf8.from_codepoints([65.0]))
# expect: type utf8.from_codepoints() argument 1 must be a list, not string
# expect: type utf8.from_codepoints: element 1 must be an int, not string
# expect: type utf8.from_codepoints: element 1 must be an int, not float
# expect: value utf8.from_codepoints: element 0 (55296) is not a code point (0 to 0x10FFFF, no surrogates)
# expect: value utf8.from_codepoints: element 2 (1114112) is not a code point (0 to 0x10FFFF, no surrogates)
# expect: value utf8.from_codepoints: element 0 (-1) is not a code point (0 to 0x10FFFF, no surrogates)
# expect: A
