# A value sent after a select returned goes to the receiver waiting for it, never to the finished select.
let a = chan()
let b = chan()
spawn { a.send("first") }
print(select([a, b]))
let got = chan(10)
spawn { got.send(["recv", b.recv()]) }
spawn { b.send("second") }
sleep(0.02)
print(got.recv())
print(len(got))
# expect: [0, "first"]
# expect: ["recv", "second"]
# expect: 0
