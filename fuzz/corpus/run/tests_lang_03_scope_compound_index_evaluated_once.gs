# In l[f()] += v the index expression runs once.
let l = [0, 0]
let calls = 0
fn idx() {
  calls += 1
  return 1
}
l[idx()] += 5
print(l, calls)
# expect: [0, 5] 1
