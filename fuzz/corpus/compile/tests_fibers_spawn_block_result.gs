# A spawned block that returns a value: join gives it; falling off the end gives nil.
let f = spawn { return 7 }
let g = spawn { let x = 1 }
print(f.join(), g.join())
# expect: 7 nil
