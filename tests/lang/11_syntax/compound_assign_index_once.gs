# In `l[f()] //= 2` the object and the index are evaluated once.
let calls = 0
let l = [10, 20]
fn at() { calls += 1; return 1 }
l[at()] //= 3
l[at()] **= 2
print(l, calls)
# expect: [10, 36] 2
