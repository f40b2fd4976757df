# Reading out of range raises "index out of range".
let l = [1, 2, 3]
try { print(l[3]) } catch e { print(e.message) }
try { print(l[-4]) } catch e { print(e.message) }
try { print("abc"[3]) } catch e { print(e.message) }
try { print("abc"[-4]) } catch e { print(e.message) }
try { print([][0]) } catch e { print(e.message) }
# expect: index out of range
# expect: index out of range
# expect: index out of range
# expect: index out of range
# expect: index out of range
