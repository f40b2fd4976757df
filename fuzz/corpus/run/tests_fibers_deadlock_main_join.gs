# Main joins a fiber that waits forever on a channel: both are blocked.
let f = spawn { chan().recv() }
f.join()
# expect error: deadlock: 2 fibers blocked
# expect exit: 1
