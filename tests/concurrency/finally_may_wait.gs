# A finally block may wait: sleep, join, channel operations.
let ch = chan()
let helper = spawn { ch.send("flushed") }
try {
  error("boom")
} catch e {
  print("caught")
} finally {
  sleep(0.01)
  print(ch.recv())
  helper.join()
  print("joined")
}
# expect: caught
# expect: flushed
# expect: joined
