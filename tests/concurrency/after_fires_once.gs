# after(secs) receives true once, secs later, and is then closed.
let t = after(0.02)
print(t.closed())
print(t.recv())
print(t.closed(), t.recv())
# expect: false
# expect: true
# expect: true nil
