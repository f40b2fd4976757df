# ch.closed() tells whether the channel was closed.
let ch = chan(1)
print(ch.closed())
ch.send(1)
ch.close()
print(ch.closed())
print(ch.recv(), ch.recv())
# expect: false
# expect: true
# expect: 1 nil
