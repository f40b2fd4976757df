# len() method and builtin agree.
let l = [1, 2]
print(l.len(), len(l), [].len())
# expect: 2 2 0
