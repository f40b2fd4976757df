# A comparator that yields and then throws: the error reaches the try around sort, no element is lost.
let xs = [5, 4, 3, 2, 1]
let calls = 0
let f = spawn {
  try {
    xs.sort(fn(a, b) {
      yield
      calls += 1
      if calls == 3 { error("cmp failed") }
      return a < b
    })
  } catch e {
    print("caught", e.message)
  }
}
spawn { for i in 0..5 { yield } }
f.join()
let copy = xs.copy()
copy.sort()
print(copy)
# expect: caught cmp failed
# expect: [1, 2, 3, 4, 5]
