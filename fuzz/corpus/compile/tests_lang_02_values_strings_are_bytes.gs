# Strings are byte sequences: len counts bytes.
print("héllo".len(), len("日本"), len(""))
# expect: 6 6 0
