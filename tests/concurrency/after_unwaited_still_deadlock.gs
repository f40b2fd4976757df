# A pending after() timer nobody waits on cannot wake a blocked fiber: the program reports the deadlock at once.
let t = after(30)
chan().recv()
# expect error: deadlock: 1 fiber blocked
