# skip: helper module (its top level yields: imported by a generator, the load stops there until the generator is resumed)
print("yield_top: start")
yield "in yield_top"
let value = 42
print("yield_top: done")
