# Main waits on a channel nobody sends to: deadlock, reported on stderr, exit 1.
let ch = chan()
print("before")
ch.recv()
print("not reached")
# expect: before
# expect error: deadlock: 1 fiber blocked
# expect exit: 1
