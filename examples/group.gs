# Structured concurrency with group(): a fan-out whose results come back in
# order, a failure that cancels the siblings, and a deadline for a whole
# group of workers.

fn fetch(name, delay) {
  sleep(delay)
  return name + " (" + str(current_fiber().locals["request"]) + ")"
}

current_fiber().locals["request"] = "req-42"   # context flows to children

# fan-out: children finish in any order, results are in spawn order
let pages = group(fn(g) {
  g.spawn(fetch, "home", 0.03)
  g.spawn(fetch, "about", 0.01)
  g.spawn(fetch, "blog", 0.02)
})
print(pages)

# one child fails: the others are cancelled, the first error comes out
try {
  group(fn(g) {
    g.spawn(fn() { sleep(0.01); error("database is down") })
    g.spawn(fn() {
      try { sleep(10) } finally { print("slow child stopped") }
    })
  })
} catch e {
  print("group failed:", e.message)
}

# a deadline for the whole group
try {
  timeout(0.05, fn() {
    group(fn(g) {
      for i in 0..3 { g.spawn(fn(n) { sleep(n) }, i + 1) }
    })
  })
} catch e {
  print("group stopped by", e.kind)
}
# expect: ["home (req-42)", "about (req-42)", "blog (req-42)"]
# expect: slow child stopped
# expect: group failed: database is down
# expect: group stopped by timeout
