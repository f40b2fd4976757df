# pad_right(n, c?) puts c (a space by default) after the string until it is n characters long.
print("[" + "ab".pad_right(4) + "]", "ab".pad_right(4, ".") + "|")
# expect: [ab  ] ab..|
