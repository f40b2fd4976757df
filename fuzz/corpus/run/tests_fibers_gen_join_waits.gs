# Generators blocked on a timer are not a deadlock; the program waits for them.
let g = fiber(fn() { sleep(0.01); return "late" })
spawn { print(g.resume()) }
print("main done")
# expect: main done
# expect: late
