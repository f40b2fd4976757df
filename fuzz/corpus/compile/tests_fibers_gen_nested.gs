# A generator may resume another generator; each yield goes to its own resumer.
fn numbers() {
  return fiber(fn() { for i in 0..3 { yield i } })
}
let doubled = fiber(fn() {
  for n in numbers() { yield n * 2 }
  return "inner done"
})
for v in doubled { print(v) }
# expect: 0
# expect: 2
# expect: 4
