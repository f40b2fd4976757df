# cancel() on a done fiber does nothing.
let f = spawn { return 1 }
print(f.join())
f.cancel()
print(f.join())
# expect: 1
# expect: 1
