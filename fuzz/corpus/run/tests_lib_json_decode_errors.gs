# Bad input raises with the (0-based) byte position.
fn t(s) { try { print(json.decode(s)) } catch e { print(e) } }
t('{"key": 1, "x": x}')
t("")
t("   ")
t("[1, 2,]")
t("[1, 2")
t('{"a" 1}')
t('{"a": 1,}')
t("{1: 2}")
t("[1] 2")
t("01")
t("-")
t("1.")
t("1.e5")
t("1e")
t("+1")
t(".5")
t("tru")
t("nul")
t("NaN")
t('"abc')
t("[\"a\"\x01]")
t("\xef\xbb\xbf[]")
# expect: json.decode: unexpected character 'x' at position 16
# expect: json.decode: unexpected end of input at position 0
# expect: json.decode: unexpected end of input at position 3
# expect: json.decode: unexpected character ']' at position 6
# expect: json.decode: unexpected end of input at position 5
# expect: json.decode: unexpected character '1' at position 5
# expect: json.decode: unexpected character '}' at position 8
# expect: json.decode: unexpected character '1' at position 1
# expect: json.decode: unexpected character '2' at position 4
# expect: json.decode: unexpected character '1' at position 1
# expect: json.decode: unexpected end of input at position 1
# expect: json.decode: unexpected end of input at position 2
# expect: json.decode: unexpected character 'e' at position 2
# expect: json.decode: unexpected end of input at position 2
# expect: json.decode: unexpected character '+' at position 0
# expect: json.decode: unexpected character '.' at position 0
# expect: json.decode: unexpected character 't' at position 0
# expect: json.decode: unexpected character 'n' at position 0
# expect: json.decode: unexpected character 'N' at position 0
# expect: json.decode: unexpected end of input in a string at position 4
# expect: json.decode: unexpected byte '\x01' at position 4
# expect: json.decode: unexpected byte '\xEF' at position 0
