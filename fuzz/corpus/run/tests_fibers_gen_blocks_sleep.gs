# A generator may sleep: its resumer waits until it yields, while other fibers run.
spawn {
  for i in 0..3 { print("ticker", i); sleep(0.01) }
}
let g = fiber(fn() {
  sleep(0.2)                  # far longer than the ticker's three 10 ms naps
  yield "slept"
  return "end"
})
print("resuming")
print(g.resume())
print(g.resume())
# expect: resuming
# expect: ticker 0
# expect: ticker 1
# expect: ticker 2
# expect: slept
# expect: end
