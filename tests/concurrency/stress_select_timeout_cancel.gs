# Thousands of fibers mix select, recv/send under timeouts, and cancels over shared channels: every value whose send returned is received exactly once, and no other value is.
# slow
let chans = [chan(), chan(), chan(2), chan(5)]
let sent = {}
let got = {}
let dup = 0
let producers = []
let consumers = []

fn record(v) {
  if got[v] != nil { dup += 1 }
  got[v] = true
}

fn produce(p) {
  for k in 0..3 {
    let v = p * 10 + k
    let ch = chans[(p + k) % 4]
    try {
      if (p + k) % 3 == 0 {
        timeout(0.002 * (k + 1), fn() { ch.send(v) })
      } else {
        ch.send(v)
      }
      sent[v] = true
    } catch e {
      if e.kind != "timeout" and e.kind != "cancelled" { throw e }
      if e.kind == "cancelled" { return }
    }
  }
}

fn consume(c) {
  while true {
    let mode = c % 3
    if mode == 0 {
      let r = select(chans, 0.003)
      if r != nil { record(r[1]) }
    } else if mode == 1 {
      try {
        record(timeout(0.004, fn() { return chans[c % 4].recv() }))
      } catch e {
        if e.kind != "timeout" { throw e }
      }
    } else {
      record(select([chans[c % 4], chans[(c + 1) % 4]])[1])
    }
  }
}

for i in 0..1000 { producers.push(spawn produce(i)) }
for i in 0..1000 { consumers.push(spawn consume(i)) }

# a killer cancels every 7th producer and every 5th consumer while they work
spawn {
  for i in 0..1000 {
    if i % 7 == 3 { producers[i].cancel() }
    if i % 5 == 2 { consumers[i].cancel() }
    if i % 50 == 0 { sleep(0.001) }
  }
}

let failures = 0
for p in producers {
  try { p.join() } catch e { if e.kind != "cancelled" { failures += 1; print(e.message) } }
}
for c in consumers { c.cancel() }
for c in consumers {
  try { c.join() } catch e { if e.kind != "cancelled" { failures += 1; print(e.message) } }
}
# what is still buffered was sent too
while true {
  let r = select(chans, 0)
  if r == nil { break }
  record(r[1])
}
let missing = 0
for v, _ in sent { if got[v] == nil { missing += 1 } }
let extra = 0
for v, _ in got { if sent[v] == nil { extra += 1 } }
print("failures", failures, "duplicates", dup, "missing", missing, "extra", extra)
print(len(sent) > 1000, len(got) == len(sent))
# expect: failures 0 duplicates 0 missing 0 extra 0
# expect: true true
