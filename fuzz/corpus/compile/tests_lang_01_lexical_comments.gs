# A '#' starts a comment that runs to the end of the line.
print(1) # a trailing comment
# a whole-line comment: print(99)
print(2)   # print(3)
# expect: 1
# expect: 2
