# Errors stay in their own fiber: each of three fibers catches its own error after yields inside map.
fn worker(name, fail_at) {
  try {
    [0, 1, 2, 3].map(fn(i) {
      yield
      if i == fail_at { error("${name} failed at ${i}") }
      return i
    })
    return "${name} finished"
  } catch e {
    return e.message
  }
}
let fs = [spawn worker("a", 2), spawn worker("b", 99), spawn worker("c", 0)]
print(fs.map(fn(f) => f.join()))
# expect: ["a failed at 2", "b finished", "c failed at 0"]
