# Blocked senders are served in the order they blocked.
let ch = chan()
for name in ["s1", "s2", "s3"] {
  spawn { ch.send(name) }
}
yield
print(ch.recv(), ch.recv(), ch.recv())
# expect: s1 s2 s3
