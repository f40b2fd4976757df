# A fiber already waiting for a module whose loading generator is then
# dropped (and collected) is woken, and its import runs the module again.
let g = fiber(fn() {
  import "mods/yield_top"
  return "not reached"
})
print(g.resume())
let waiter = spawn {
  import "mods/yield_top"
  return yield_top.value
}
sleep(0.01)
print("waiting:", waiter.done())
g = nil
# garbage, so that collections find the dropped generator
let junk = nil
for i in 0..3000 { junk = [i, "s${i}", {"k": [i]}] }
print(waiter.join())
# expect: yield_top: start
# expect: in yield_top
# expect: waiting: false
# expect: yield_top: start
# expect: yield_top: done
# expect: 42
