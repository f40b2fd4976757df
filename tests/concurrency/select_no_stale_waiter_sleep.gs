# A sleep after a select is not ended early by a send on a channel the select did not pick.
let a = chan()
let b = chan()
spawn { a.send("a") }
print(select([a, b]))
spawn { b.send("b") }
spawn {
  sleep(0.02)
  print("tick")
}
sleep(0.1)
print("woke")
print(b.recv())
# expect: [0, "a"]
# expect: tick
# expect: woke
# expect: b
