# A timeout raises an Error of kind "timeout" at the wait point fn is blocked in.
let ch = chan()
try {
  timeout(0.02, fn() { ch.recv() })
} catch e {
  print(e.kind, e.message)
}
# expect: timeout timed out after 0.02 s
