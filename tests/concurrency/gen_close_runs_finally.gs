# g.close() raises cancelled at the generator's yield so its finally blocks run, marks it done and returns nil.
let g = fiber(fn() {
  try {
    yield 1
    yield 2
  } finally {
    print("generator cleanup")
  }
})
print(g.resume())
print(g.close())
print(g.done(), g.status())
# expect: 1
# expect: generator cleanup
# expect: nil
# expect: true done
