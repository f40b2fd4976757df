# Parameters can be captured (and shared) like locals.
fn make(n) {
  let get = fn() => n
  n = n * 2
  return get
}
print(make(4)())
# expect: 8
