# While a fiber sleeps, the others run.
spawn {
  sleep(0.25)
  print("sleeper woke")
}
spawn {
  for i in 0..3 { print("worker", i); yield }
}
sleep(0.05)
print("main woke")
# expect: worker 0
# expect: worker 1
# expect: worker 2
# expect: main woke
# expect: sleeper woke
