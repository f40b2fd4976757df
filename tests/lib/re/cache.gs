# Compiled patterns are cached: re.compile of the same pattern and flags gives the same regex.
let a = re.compile("a+b")
print(a == re.compile("a+b"), a == re.compile("a+b", "i"), re.compile("a+b", "i") == re.compile("a+b", "i"))
# many patterns do not grow the cache without bound, and evicted ones still work
let kept = []
for i in 0..300 { kept.push(re.compile("x{${i}}")) }
print(kept[0].full_match("") != nil, kept[5].full_match("xxxxx") != nil)
# expect: true false true
# expect: true true
