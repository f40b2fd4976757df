# skip: helper module (its top level sleeps, so other fibers run meanwhile)
print("slow_init: start")
sleep(0.02)
let value = 42
print("slow_init: done")
