# Sends into buffer room succeed even when nobody ever receives (no deadlock, no waiting).
let ch = chan(16)
for i in 0..16 { ch.send(i) }
print("sent 16")
# expect: sent 16
