# A generator resumed by a spawned fiber blocks; main and the others keep running.
let ch = chan()
let g = fiber(fn() { yield ch.recv() })
let user = spawn { print("user got", g.resume()) }
spawn { print("other runs") }
yield
print("main sends")
ch.send("hello")
user.join()
# expect: other runs
# expect: main sends
# expect: user got hello
