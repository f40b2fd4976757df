# yield with nothing else to run just continues; in a scheduled fiber it evaluates to nil.
print("before")
let v = yield
print("after", v)
let f = spawn {
  let w = yield 5
  print("fiber got", w)
}
f.join()
# expect: before
# expect: after nil
# expect: fiber got nil
