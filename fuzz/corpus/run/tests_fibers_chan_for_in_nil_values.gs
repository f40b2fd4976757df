# for-in over a channel ends at close, not at a nil value sent on it.
let ch = chan(4)
ch.send(1)
ch.send(nil)
ch.send(false)
ch.send(2)
ch.close()
let got = []
for v in ch { got.push(v) }
print(got)
# expect: [1, nil, false, 2]
