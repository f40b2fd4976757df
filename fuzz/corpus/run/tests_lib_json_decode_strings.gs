# String escapes, \u escapes (UTF-8 encoded) and surrogate pairs.
print(json.decode('"a\\"b\\\\c\\/d"'))
print(json.decode('"\\n\\t\\r\\b\\f"').bytes())
print(json.decode('"\\u0041\\u00e9\\u20AC"'))
print(json.decode('"\\ud83d\\ude00"').bytes())
print(json.decode('"\\uD834\\uDD1E"') == "\u{1D11E}")
let z = json.decode('"a\\u0000b"')
print(len(z), z.bytes())
print(json.decode('"héllo €"'), json.decode('""'))
print(json.decode('"' + "x".repeat(100) + '\\n"').len())
# expect: a"b\c/d
# expect: [10, 9, 13, 8, 12]
# expect: Aé€
# expect: [240, 159, 152, 128]
# expect: true
# expect: 3 [97, 0, 98]
# expect: héllo € 
# expect: 101
