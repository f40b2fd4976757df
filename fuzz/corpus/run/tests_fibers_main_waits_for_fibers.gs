# When the main script ends, the program keeps running until every fiber has finished.
spawn {
  sleep(0.2)
  print("sleeper woke")
}
spawn {
  for i in 0..3 { yield }
  print("yielder done")
}
print("main script done")
# expect: main script done
# expect: yielder done
# expect: sleeper woke
