# A replacement function may yield and sleep in a spawned fiber; other fibers run meanwhile.
let log = []
let f = spawn {
  return re.replace("\\d", "a1b2c3", fn(m) {
    log.push("repl ${m.text}")
    sleep(0.01)
    yield
    return "<${m.text}>"
  })
}
let g = spawn { for i in 0..3 { log.push("other ${i}"); yield } }
print(f.join())
g.join()
print(log.len() == 6, log[0], log[1])
# expect: a<1>b<2>c<3>
# expect: true repl 1 other 0
