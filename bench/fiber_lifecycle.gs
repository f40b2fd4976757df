# fiber_lifecycle: the whole life of a short generator, one after another —
# create it, resume it once with an argument, and it returns.
let N = 6000000
if len(os.args) > 0 { N = int(os.args[0]) }

fn body(x) {
  return x % 7
}

let total = 0
for i in 0..N {
  let g = fiber(body)
  total += g.resume(i)
}
print(total)
