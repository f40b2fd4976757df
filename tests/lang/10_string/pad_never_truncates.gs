# pad_left/pad_right never cut a string longer than n; n of 0 or below leaves it as it is.
print("abcdef".pad_left(3), "abcdef".pad_right(3), "[" + "ab".pad_left(-5) + "]", "[" + "".pad_right(0) + "]")
# expect: abcdef abcdef [ab] []
