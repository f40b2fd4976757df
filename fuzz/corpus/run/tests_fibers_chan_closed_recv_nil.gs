# recv on a closed, empty channel returns nil at once, every time.
let ch = chan()
ch.close()
print(ch.recv())
print(ch.recv())
let b = chan(4)
b.send(1)
b.send(2)
b.close()
print(b.recv(), b.recv(), b.recv(), b.recv())
# expect: nil
# expect: nil
# expect: 1 2 nil nil
