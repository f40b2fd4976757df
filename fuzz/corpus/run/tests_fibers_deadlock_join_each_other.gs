# Two fibers that join each other never finish: deadlock.
let fibers = []
fibers.push(spawn { yield; fibers[1].join() })
fibers.push(spawn { yield; fibers[0].join() })
print("main done")
# expect: main done
# expect error: deadlock: 2 fibers blocked
