# A list changed by another fiber while map/filter/reduce/sort/for over it are suspended in a
# callback: the result is unspecified, but nothing crashes and the program goes on.
let xs = [1, 2, 3, 4, 5, 6, 7, 8]
let f1 = spawn { return xs.map(fn(x) { yield; return x * 2 }) }
spawn { yield; while len(xs) > 0 { xs.pop() } }
let ys = [5, 3, 1, 4, 2, 8, 7, 6]
let f2 = spawn { return ys.sort(fn(a, b) { yield; return a < b }) }
spawn { yield; yield; ys.pop(); ys.pop(); ys.pop(); for i in 0..20 { ys.push(i) } }
let zs = [1, 2, 3, 4, 5, 6]
let f3 = spawn { return zs.filter(fn(x) { yield; return true }) }
spawn { yield; while len(zs) > 0 { zs.pop() } ; for i in 0..10 { zs.push(i) } }
let ws = [1, 2, 3, 4, 5, 6]
let f4 = spawn { return ws.reduce(fn(a, x) { yield; return a + x }, 0) }
spawn { yield; while len(ws) > 0 { ws.pop() } }
let ls = [1, 2, 3, 4]
let f5 = spawn { let out = []; for v in ls { yield; out.push(v) }; return out }
spawn { yield; ls.pop(); ls.pop(); ls.pop() }
let ms = {"a": 1, "b": 2, "c": 3}
let f6 = spawn { let out = []; for k, v in ms { yield; out.push(k) }; return out }
spawn { yield; ms.remove("b"); ms.remove("c"); for i in 0..20 { ms["k${i}"] = i } }
for f in [f1, f2, f3, f4, f5, f6] { f.join() }
print("survived")
# expect: survived
