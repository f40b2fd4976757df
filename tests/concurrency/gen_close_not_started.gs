# close() on a never-started or finished generator does nothing.
let g = fiber(fn() { print("never"); yield 1 })
print(g.close())
let h = fiber(fn() { return 5 })
print(h.resume())
print(h.close())
# expect: nil
# expect: 5
# expect: nil
