# A joiner blocks until the joined fiber finishes; the others go on meanwhile.
let worker = spawn {
  for i in 0..3 { print("worker", i); yield }
  return "w"
}
let joiner = spawn {
  print("joiner waits")
  print("joiner got", worker.join())
}
spawn { print("bystander") }
print("main got", joiner.join())
# expect: worker 0
# expect: joiner waits
# expect: bystander
# expect: worker 1
# expect: worker 2
# expect: joiner got w
# expect: main got nil
