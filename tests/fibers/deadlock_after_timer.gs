# A pending timer postpones deadlock detection; once it has fired and nothing can wake main, it is a deadlock.
spawn {
  sleep(0.01)
  print("sleeper done")
}
chan().recv()
# expect: sleeper done
# expect error: deadlock: 1 fiber blocked
# expect exit: 1
