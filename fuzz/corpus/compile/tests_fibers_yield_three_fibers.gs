# Three fibers with different numbers of yields: round-robin, each to the back of the queue.
fn worker(name, n) {
  for i in 0..n {
    print(name, i)
    yield
  }
  print(name, "done")
}
spawn worker("a", 1)
spawn worker("b", 3)
spawn worker("c", 2)
# expect: a 0
# expect: b 0
# expect: c 0
# expect: a done
# expect: b 1
# expect: c 1
# expect: b 2
# expect: c done
# expect: b done
