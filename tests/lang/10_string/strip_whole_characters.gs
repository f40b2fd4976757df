# strip(chars) removes whole characters only: a stray byte in chars never cuts into a multi-byte character of the string.
let e = "é"                      # the bytes 0xC3 0xA9
print("aé".rstrip("\xa9") == "aé", "éa".lstrip("\xc3") == "éa", "x\xa9".rstrip("\xa9") == "x", "\xc3x".lstrip("\xc3") == "x")
print("\xe2\x82a\xe2\x82".strip("\xe2\x82"), utf8.valid("aé".strip("\xa9\xc3")))
# expect: true true true true
# expect: a true
