# Fibers sleeping for the same time all wake (each exactly once).
let ch = chan(100)
for i in 0..20 { spawn { sleep(0.01); ch.send(i) } }
let seen = []
for i in 0..20 { seen.push(ch.recv()) }
seen.sort()
print(seen == seen, len(seen), seen[0], seen[19])
# expect: true 20 0 19
