# Random inserts, overwrites, removals and reinsertions agree with a simple
# model (a list of present keys in insertion order): lookups, membership,
# length and iteration order, with int and string keys, while the map grows,
# compacts its removed entries and shrinks back to nothing.
let seed = 12345
fn rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return (seed // 65536) % n
}
fn key(i) {
  if i % 2 == 0 { return i }
  return "s" + str(i)
}

let K = 1500
let m = {}
let order = []          # the model: present keys, in insertion order
let value = []          # the model: value by key number, nil when absent
for i in 0..K { value.push(nil) }
let bad = 0

fn check_all() {
  if len(m) != len(order) { bad += 1 }
  let i = 0
  for k, v in m {
    if i >= len(order) or k != key(order[i]) or v != value[order[i]] { bad += 1 }
    i += 1
  }
  if i != len(order) { bad += 1 }
}

for step in 0..30000 {
  let i = rand(K)
  let op = rand(10)
  if step >= 24000 { op = 9 }       # the end: remove until empty
  if op < 6 {
    if value[i] == nil { order.push(i) }
    value[i] = step
    m[key(i)] = step
  } else if op < 9 {
    if m.get(key(i)) != value[i] or m.has(key(i)) != (value[i] != nil) { bad += 1 }
  } else {
    if value[i] != nil {
      order.remove(order.index_of(i))
      value[i] = nil
    }
    m.remove(key(i))
    if m.has(key(i)) { bad += 1 }
  }
  if step % 1000 == 999 { check_all() }
}
check_all()
for i in 0..K { if value[i] != nil { order.remove(order.index_of(i)); value[i] = nil; m.remove(key(i)) } }
check_all()
m[7] = "back"
print(bad, len(m), m)
# expect: 0 1 {7: "back"}
