# After the first resume, the value passed to resume(x) is what the pending `yield` evaluates to.
let g = fiber(fn(first) {
  print("started with", first)
  let a = yield "y1"
  print("yield 1 got", a)
  let b = yield "y2"
  print("yield 2 got", b)
  let c = yield "y3"
  print("yield 3 got", c)
  return "end"
})
print("resume ->", g.resume("arg"))
print("resume ->", g.resume("v1"))
print("resume ->", g.resume([2]))
print("resume ->", g.resume())
# expect: started with arg
# expect: resume -> y1
# expect: yield 1 got v1
# expect: resume -> y2
# expect: yield 2 got [2]
# expect: resume -> y3
# expect: yield 3 got nil
# expect: resume -> end
