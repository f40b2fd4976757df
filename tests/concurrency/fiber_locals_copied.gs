# f.locals starts as a shallow copy of the creator's locals, taken at creation: context flows down, never up.
current_fiber().locals["request"] = "r-1"
let f = spawn {
  print(current_fiber().locals["request"])
  current_fiber().locals["child"] = true
}
current_fiber().locals["later"] = 1
f.join()
print(f.locals)
print(current_fiber().locals)
let g = fiber(fn() { yield current_fiber().locals["request"] })
print(g.resume())
group(fn(grp) { grp.spawn(fn() { print(current_fiber().locals["request"]) }) })
# expect: r-1
# expect: {"request": "r-1", "child": true}
# expect: {"request": "r-1", "later": 1}
# expect: r-1
# expect: r-1
