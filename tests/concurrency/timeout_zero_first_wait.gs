# timeout(0, fn) and negative times out at the first wait point, even one that would not block.
let ch = chan(1)
let steps = []
try {
  timeout(-1, fn() {
    steps.push("before")
    ch.send(1)
    steps.push("after")
  })
} catch e { steps.push(e.kind) }
print(steps, len(ch))
# expect: ["before", "timeout"] 0
