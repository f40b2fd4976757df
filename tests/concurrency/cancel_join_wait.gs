# A fiber blocked in join is woken by cancel; the joined fiber goes on.
let slow = spawn { sleep(0.02); return "slow done" }
let j = spawn { slow.join() }
yield
j.cancel()
try { j.join() } catch e { print(e.kind) }
print(slow.join())
# expect: cancelled
# expect: slow done
