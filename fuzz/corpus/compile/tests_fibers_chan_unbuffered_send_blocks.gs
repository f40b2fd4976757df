# On an unbuffered channel, send blocks until a receiver takes the value.
let ch = chan()
spawn {
  print("sender: sending")
  ch.send("v")
  print("sender: sent")
}
yield
print("main: nothing taken yet")
yield
print("main: still nothing taken")
print("main: received", ch.recv())
yield
print("main: end")
# expect: sender: sending
# expect: main: nothing taken yet
# expect: main: still nothing taken
# expect: main: received v
# expect: sender: sent
# expect: main: end
