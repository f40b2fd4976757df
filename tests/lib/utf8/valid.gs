# utf8.valid(s) says whether s is well-formed UTF-8 (never raises for a string).
print(utf8.valid(""), utf8.valid("abc"), utf8.valid("héllo 😀"), utf8.valid("\xff"), utf8.valid("\xe2\x82"), utf8.valid("\xc0\x80"), utf8.valid("\xed\xa0\x80"), utf8.valid("\xf4\x8f\xbf\xbf"))
# expect: true true true false false false false true
