# After main ends, a fiber blocked on a channel is still woken by another fiber.
let ch = chan()
spawn { print("receiver got", ch.recv()) }
spawn { sleep(0.01); ch.send("late value") }
print("main script done")
# expect: main script done
# expect: receiver got late value
