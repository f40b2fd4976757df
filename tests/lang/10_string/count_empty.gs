# count("") is the number of characters plus one, as in Python (UTF-8 characters, not bytes).
print("abc".count(""), "".count(""), "héllo".count(""))
# expect: 4 1 6
