# Several fibers may join the same fiber; all get its result.
let target = spawn { sleep(0.01); return 42 }
let a = spawn { return "a:" + str(target.join()) }
let b = spawn { return "b:" + str(target.join()) }
print(target.join(), a.join(), b.join())
# expect: 42 a:42 b:42
