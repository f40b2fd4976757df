# Timeouts, cancellation and cleanup: a slow service called under a
# deadline, a CPU-bound job stopped by its timeout, a select with a time
# limit, and a worker shut down with cancel() whose finally block still runs.

fn slow_service(delay) {
  sleep(delay)
  return "answer after " + str(delay) + " s"
}

# 1. a call under a deadline: the fast one answers, the slow one times out
for delay in [0.01, 2] {
  try {
    print(timeout(0.5, fn() { return slow_service(delay) }))
  } catch e {
    if e.kind != "timeout" { throw e }
    print("gave up:", e.message)
  }
}

# 2. a timeout also stops code that never waits
let steps = 0
try {
  timeout(0.05, fn() { while true { steps += 1 } })
} catch e {
  print("busy loop stopped:", e.kind, steps > 0)
}

# 3. select with a time limit, and after() as a one-shot timer channel
let replies = chan()
spawn { sleep(0.02); replies.send("late reply") }
print("first look:", select([replies], 0))            # nothing yet: nil
let r = select([replies, after(1)])
print("then:", r[1])

# 4. cancel a worker: its current wait raises "cancelled", its cleanup runs
let jobs = chan()
let worker = spawn {
  try {
    for job in jobs { print("working on", job) }
  } finally {
    print("worker cleaning up")
  }
}
worker.name = "worker"
jobs.send(1)
jobs.send(2)
worker.cancel()
try { worker.join() } catch e { print("worker ended:", e.kind) }
# expect: answer after 0.01 s
# expect: gave up: timed out after 0.5 s
# expect: busy loop stopped: timeout true
# expect: first look: nil
# expect: then: late reply
# expect: working on 1
# expect: working on 2
# expect: worker cleaning up
# expect: worker ended: cancelled
