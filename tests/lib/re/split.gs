# split: the pieces between matches, with the groups of each match between them; max limits the splits.
print(re.split(",\\s*", "a, b,c,  d"))
print(re.split("(,)", "a,b"))
print(re.compile("\\s+").split("a b c d", 2))
print(re.split("x", ""), re.split("x", "axbx"))
# expect: ["a", "b", "c", "d"]
# expect: ["a", ",", "b"]
# expect: ["a", "b", "c d"]
# expect: [""] ["a", "b", ""]
