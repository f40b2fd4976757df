# Invalid escapes, raw control characters and invalid surrogates raise.
fn t(s) { try { print(json.decode(s)) } catch e { print(e) } }
t('"a\\qb"')
t('"\\u12G4"')
t('"\\u12"')
t('"tab\there"')
t("\"new\nline\"")
t('"\\ud800"')
t('"\\ud800x"')
t('"\\ud800\\u0041"')
t('"\\udc00"')
t('"x\\ude00\\ud83d"')
t('"\\')
# expect: json.decode: invalid escape '\q' at position 2
# expect: json.decode: invalid \u escape at position 1
# expect: json.decode: invalid \u escape at position 1
# expect: json.decode: control character in a string at position 4
# expect: json.decode: control character in a string at position 4
# expect: json.decode: invalid surrogate (a high surrogate without a low one) at position 1
# expect: json.decode: invalid surrogate (a high surrogate without a low one) at position 1
# expect: json.decode: invalid surrogate (a high surrogate without a low one) at position 1
# expect: json.decode: invalid surrogate (a low surrogate without a high one) at position 1
# expect: json.decode: invalid surrogate (a low surrogate without a high one) at position 2
# expect: json.decode: unexpected end of input in a string at position 2
