# Two fibers import two modules that import each other, each fiber starting
# at a different end: each waits for the other forever. That is a deadlock,
# reported as one (a cycle within one fiber is an "import cycle" error).
let a = spawn { import "mods/cross_a" }
let b = spawn { import "mods/cross_b" }
a.join()
# expect error: deadlock: 3 fibers blocked
