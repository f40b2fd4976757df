# Nested timeouts: when the outer deadline expires first, its error passes out through the inner timeout call.
let seen = []
try {
  timeout(0.02, fn() {
    try {
      timeout(5, fn() { sleep(10) })
    } catch e { seen.push("inner saw " + e.message); throw e }
  })
} catch e { seen.push("outer got " + e.message) }
print(seen)
# expect: ["inner saw timed out after 0.02 s", "outer got timed out after 0.02 s"]
