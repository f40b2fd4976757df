# pad_left(n, c?) puts c (a space by default) in front until the string is n characters long.
print("[" + "7".pad_left(3) + "]", "42".pad_left(5, "0"), "x".pad_left(1, "0"))
# expect: [  7] 00042 x
