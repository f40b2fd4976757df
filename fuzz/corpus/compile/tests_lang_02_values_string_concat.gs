# '+' concatenates two strings.
print("ab" + "cd", "" + "x", "a" + "b" + "c")
# expect: abcd x abc
