# chr(n) is the UTF-8 string of code point n, one to four bytes; ord(chr(n)) == n.
print(chr(65), chr(233), chr(0x20AC), chr(0x1F600), len(chr(0x7F)), len(chr(0x80)), len(chr(0x800)), len(chr(0x10000)), len(chr(0x10FFFF)))
print(len(chr(0)), ord(chr(0x10FFFF)) == 0x10FFFF, chr(65.0))
# expect: A é € 😀 1 2 3 4 4
# expect: 1 true A
