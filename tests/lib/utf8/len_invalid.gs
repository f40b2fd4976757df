# utf8.len raises a value error naming the byte offset of invalid UTF-8: a stray byte, a truncated sequence, an overlong form, a surrogate, a value past U+10FFFF.
for s in ["a\xffb", "é\xe2\x82", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ab\x80"] {
  try { utf8.len(s) } catch e { print(e.kind, e.message) }
}
# expect: value utf8.len: invalid UTF-8 at byte 1
# expect: value utf8.len: invalid UTF-8 at byte 2
# expect: value utf8.len: invalid UTF-8 at byte 0
# expect: value utf8.len: invalid UTF-8 at byte 0
# expect: value utf8.len: invalid UTF-8 at byte 0
# expect: value utf8.len: invalid UTF-8 at byte 2
