# Yield anywhere: a scheduled fiber yields inside a list.map callback; another fiber runs in between.
let f = spawn {
  return [1, 2, 3].map(fn(x) {
    print("map", x)
    yield
    return x * 10
  })
}
spawn {
  for i in 0..3 { print("tick", i); yield }
}
print(f.join())
# expect: map 1
# expect: tick 0
# expect: map 2
# expect: tick 1
# expect: map 3
# expect: tick 2
# expect: [10, 20, 30]
