# g.spawn(f, args...) starts f(args...) as a scheduled fiber owned by the group and returns it.
group(fn(g) {
  let f = g.spawn(fn(a, b) { return a + b }, 2, 3)
  print(type(f), f.status())
  print(f.join())
})
# expect: fiber ready
# expect: 5
