# yield moves a scheduled fiber to the back of the run queue: two fibers alternate.
fn worker(name, n) {
  for i in 0..n {
    print(name, i)
    yield
  }
}
spawn worker("a", 3)
spawn worker("b", 3)
# expect: a 0
# expect: b 0
# expect: a 1
# expect: b 1
# expect: a 2
# expect: b 2
