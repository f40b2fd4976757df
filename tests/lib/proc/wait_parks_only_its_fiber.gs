# p.wait() parks only its fiber: another fiber runs while the child sleeps, and the main fiber may wait too.
let order = []
let f = spawn {
  let p = proc.start(["sleep", "0.2"])
  p.wait()
  order.push("child exited")
}
spawn { sleep(0.05); order.push("other fiber ran") }
f.join()
print(order)
print(proc.run(["echo", "from main"]).stdout.trim())
# expect: ["other fiber ran", "child exited"]
# expect: from main
