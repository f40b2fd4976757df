# Printing a fiber gives <fiber ID STATE>, with str(), print and interpolation alike.
let f = spawn { yield }
let s = str(f)
print(s.starts_with("<fiber 1 ") and s.ends_with(">"))
print("${f}" == s, [f][0] == f)
print(len(s.split(" ")))
f.join()
print(str(f) == "<fiber 1 done>" or str(f).starts_with("<fiber 1 "))
print(str(f) != s)
# expect: true
# expect: true true
# expect: 3
# expect: true
# expect: true
