# The generator example of LANGUAGE.md §8, verbatim.
let gen = fiber(fn(n) {
  for i in 0..n { let got = yield i * i }
  return "done"
})
print(gen.resume(3))   # 0        (first resume passes the arguments)
print(gen.resume())    # 1
print(gen.done())      # false
for v in fiber(fn() { yield 1; yield 2 }) { print(v) }
print(gen.resume())
print(gen.resume())
print(gen.done())
# expect: 0
# expect: 1
# expect: false
# expect: 1
# expect: 2
# expect: 4
# expect: done
# expect: true
