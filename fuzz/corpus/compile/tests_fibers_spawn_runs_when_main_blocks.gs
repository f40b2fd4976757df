# Spawned fibers run, in spawn order, when the spawner blocks (here on a channel).
let ch = chan()
spawn { print("a") }
spawn { print("b"); ch.send("from b") }
spawn { print("c") }
print("main waits")
print(ch.recv())
print("main done")
# expect: main waits
# expect: a
# expect: b
# expect: c
# expect: from b
# expect: main done
