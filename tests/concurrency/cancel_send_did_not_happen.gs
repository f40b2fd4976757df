# A send interrupted by cancellation did not happen: the value is not delivered later.
let ch = chan()
let f = spawn { ch.send("lost?") }
yield
f.cancel()
yield
print(select([ch], 0))
# expect: nil
