# A sender blocked on a channel that gets closed raises `send on closed channel`.
let ch = chan()
let f = spawn {
  try {
    ch.send("never taken")
  } catch e {
    print("sender:", e.message)
  }
}
yield
ch.close()
f.join()
# expect: sender: send on closed channel
