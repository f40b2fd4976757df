# split and join are inverses.
print("-".join("a b c".split(" ")))
# expect: a-b-c
