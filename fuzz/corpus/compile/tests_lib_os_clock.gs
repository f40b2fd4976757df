# os.clock() is CPU time used by the process (float); sleeping does not count.
let c0 = os.clock()
print(type(c0), c0 >= 0)
let x = 0
for i in 0..300000 { x += i }
let c1 = os.clock()
print(c1 > c0)
sleep(0.2)
print(os.clock() - c1 < 0.15)
print(math.abs(clock() - os.clock()) < 0.1)
try { os.clock(1) } catch e { print(e) }
# expect: float true
# expect: true
# expect: true
# expect: true
# expect: os.clock() expects 0 arguments, got 1
