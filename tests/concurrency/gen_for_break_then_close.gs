# Breaking out of a for loop over a generator leaves it suspended; close() then runs its cleanup.
let g = fiber(fn() {
  try { for i in 0..10 { yield i } } finally { print("cleanup") }
})
for v in g { if v == 1 { break } }
print(g.status())
g.close()
# expect: suspended
# expect: cleanup
