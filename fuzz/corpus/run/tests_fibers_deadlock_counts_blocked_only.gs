# Finished fibers are not counted: three blocked receivers after others finished.
let ch = chan()
for i in 0..5 { spawn { print("done", i) } }
for i in 0..3 { spawn { ch.recv() } }
# expect: done 0
# expect: done 1
# expect: done 2
# expect: done 3
# expect: done 4
# expect error: deadlock: 3 fibers blocked
