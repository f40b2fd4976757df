# A '#' inside a string does not start a comment.
print("a # b")
print('c # d') # a real comment with "quotes" and ${braces}
# expect: a # b
# expect: c # d
