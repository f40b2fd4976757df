# f.cancel() returns at once; the cancelled fiber runs when the scheduler gets to it.
let f = spawn { chan().recv() }
yield
f.cancel()
print(f.status())
yield
print(f.status())
# expect: ready
# expect: done
