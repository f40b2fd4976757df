# Bytes compare as unsigned values, so UTF-8 sorts after ASCII.
print("\u{e9}" > "z")
print("\xff" > "\x01")
# expect: true
# expect: true
