# Closing a channel wakes every blocked receiver with nil.
let ch = chan()
for i in 0..3 {
  spawn { print("receiver", i, "got", ch.recv()) }
}
yield
print("closing")
ch.close()
# expect: closing
# expect: receiver 0 got nil
# expect: receiver 1 got nil
# expect: receiver 2 got nil
