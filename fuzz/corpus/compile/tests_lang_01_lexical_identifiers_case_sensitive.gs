# Identifiers are case-sensitive; keywords with other case are identifiers.
let abc = 1
let ABC = 2
let If = 3
let Nil = 4
print(abc, ABC, If, Nil)
# expect: 1 2 3 4
