# Compound assignment on list and map elements.
let l = [1, 2]
l[0] += 10
l[-1] *= 3
let m = {"k": 1}
m["k"] += 1
m["k"] -= 5
print(l, m)
# expect: [11, 6] {"k": -3}
