# "\n" inside a string printed at top level starts a new line.
print("one\ntwo")
# expect: one
# expect: two
