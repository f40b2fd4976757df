# Edge cases of int arithmetic never crash the process.
let m = -9223372036854775807 - 1
let r = 1
try { let q = m // -1 } catch e { }
try { r = m % -1 } catch e { r = 0 }
try { let a = 1 << 64; let b = 1 << 100; let c = -1 >> 70 } catch e { }
try { let p = 3 ** 100 } catch e { }
try { let n = -m } catch e { }
print(r, "ok")
# expect: 0 ok
