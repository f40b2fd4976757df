# len(ch) is the number of values buffered now.
let ch = chan(4)
print(len(ch))
ch.send(1)
ch.send(2)
print(len(ch))
ch.recv()
print(len(ch))
print(len(chan()))
# expect: 0
# expect: 2
# expect: 1
# expect: 0
