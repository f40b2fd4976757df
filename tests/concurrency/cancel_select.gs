# Cancelling a fiber blocked in select removes it from every channel it waited on.
let a = chan()
let b = chan()
let f = spawn { select([a, b]) }
yield
f.cancel()
yield
spawn { b.send(2) }
spawn { a.send(1) }
print(select([a, b]), select([a, b]))
# expect: [1, 2] [0, 1]
