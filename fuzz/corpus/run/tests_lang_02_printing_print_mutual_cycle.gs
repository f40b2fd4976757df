# Cycles through several containers.
let l = []
let m = {"l": l}
l.push(m)
print(l)
print(m)
# expect: [{"l": [...]}]
# expect: {"l": [{...}]}
