# os.time() is wall-clock seconds since the epoch, a float with sub-second precision.
let t = os.time()
print(type(t), t > 1600000000, t < 10000000000)
sleep(0.02)
let d = os.time() - t
print(d >= 0.015, d < 5)
try { os.time(1) } catch e { print(e) }
# expect: float true true
# expect: true true
# expect: os.time() expects 0 arguments, got 1
