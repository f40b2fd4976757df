# An error in a generator that its resumer does not catch is an uncaught error of the resumer.
let g = fiber(fn() {
  yield 1
  return 1 // 0
})
g.resume()
g.resume()
print("not reached")
# expect error: gen_error_uncaught.gs:4:10: division by zero
# expect error: traceback:
