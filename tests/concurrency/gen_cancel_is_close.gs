# cancel() on a suspended generator is close().
let g = fiber(fn() {
  try { yield 1 } finally { print("closed") }
})
g.resume()
g.cancel()
print(g.status())
# expect: closed
# expect: done
