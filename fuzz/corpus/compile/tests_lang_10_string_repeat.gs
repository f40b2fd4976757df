# repeat(n) concatenates n copies.
print("ab".repeat(3), "[" + "x".repeat(0) + "]", "-".repeat(1))
# expect: ababab [] -
