# re.escape(s) gives a pattern that matches s literally.
let s = "a.b*c(1+2)[x]{3}^$|\\?"
print(re.escape("a.b"), re.full_match(re.escape(s), s) != nil, re.search(re.escape("a.b"), "axb"))
# expect: a\.b true nil
