# Main waits on a channel nobody sends to: deadlock, reported on stderr, exit 1.
let ch = chan()
print("before")
ch.recv()
print("not reached")
# expect: before
# expect error: deadlock: 1 fibers blocked
# expect exit: 1
