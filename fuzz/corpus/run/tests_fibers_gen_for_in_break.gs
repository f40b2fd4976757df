# Breaking out of a for-in over a generator leaves it suspended; it can be resumed later.
let g = fiber(fn() { for i in 0..10 { yield i } })
for v in g {
  if v == 2 { break }
  print(v)
}
print(g.done())
print(g.resume())
for v in g { if v > 5 { break } }
print(g.resume())
# expect: 0
# expect: 1
# expect: false
# expect: 3
# expect: 7
