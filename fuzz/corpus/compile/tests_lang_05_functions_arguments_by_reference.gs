# Lists and maps are passed by reference.
fn add_one(l) { l.push(1) }
let l = []
add_one(l)
add_one(l)
print(l)
# expect: [1, 1]
