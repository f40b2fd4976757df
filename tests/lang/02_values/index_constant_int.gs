# Indexing with a constant int: lists, strings, maps with int keys, instances with [] and the out-of-range error.
let p = [3, 4]
print(p[0], p[1], "abc"[2])
let m = {0: "zero"}
print(m[0], m[1])
class Grid { fn [](i) { return i * 10 } }
print(Grid()[7])
try { print(p[2]) } catch e { print(e) }
try { let none = nil; print(none[0]) } catch e { print(e) }
# expect: 3 4 c
# expect: zero nil
# expect: 70
# expect: index out of range
# expect: cannot index nil
