# Signals that arrive while nobody receives are queued, up to 64; more are dropped.
let ch = os.signal("USR1")
for i in 0..70 { proc.run(["kill", "-USR1", "${os.pid()}"]) }
let n = 0
while select([ch], 0) != nil { n = n + 1 }
print(n)
os.signal_stop(ch)
# expect: 64
