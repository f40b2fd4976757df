# Nested timeouts keep their own deadlines: the inner one expires first and passes out through the outer.
try {
  timeout(5, fn() {
    timeout(0.02, fn() { sleep(10) })
  })
} catch e { print(e.message) }
# expect: timed out after 0.02 s
