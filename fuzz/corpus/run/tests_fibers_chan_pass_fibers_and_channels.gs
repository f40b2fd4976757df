# Any value can travel over a channel, including channels (a reply channel) and fibers.
let requests = chan()
spawn {
  for req in requests {
    req["reply"].send(req["n"] * 2)
  }
}
for n in [1, 2, 3] {
  let reply = chan()
  requests.send({"n": n, "reply": reply})
  print(reply.recv())
}
requests.close()
# expect: 2
# expect: 4
# expect: 6
