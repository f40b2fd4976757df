# The first resume passes its arguments to the function (defaults and rest parameters too).
let g = fiber(fn(a, b = "dflt", ...rest) {
  print("a =", a, "b =", b, "rest =", rest)
  return "ret"
})
print(g.resume(1))
let h = fiber(fn(a, b = "dflt", ...rest) { print(a, b, rest) })
h.resume(1, 2, 3, 4)
# expect: a = 1 b = dflt rest = []
# expect: ret
# expect: 1 2 [3, 4]
