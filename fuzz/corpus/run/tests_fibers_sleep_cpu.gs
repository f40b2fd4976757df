# Sleeping does not busy-wait: 1 s of sleeping (in main and in two fibers) costs almost no CPU.
let c0 = clock()
sleep(0.3)
let a = spawn { sleep(0.2); sleep(0.2) }
let b = spawn { sleep(0.4) }
sleep(0.1)
a.join()
b.join()
sleep(0.2)
print(clock() - c0 < 0.05)
# expect: true
