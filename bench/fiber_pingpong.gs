# fiber_pingpong: generator round trips — resume(x) passes a value in,
# yield passes one out.
let N = 10000000
if len(os.args) > 0 { N = int(os.args[0]) }

let g = fiber(fn(x) {
  let s = 0
  while true {
    s = (s + x * 3) % 1000000007
    x = yield s
  }
})

let total = 0
for i in 0..N {
  total = (total + g.resume(i)) % 1000000007
}
print(total)
