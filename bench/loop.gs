# loop: a tight loop of integer arithmetic on locals.
let N = 30000000
if len(os.args) > 0 { N = int(os.args[0]) }

let s = 0
let x = 1
for i in 0..N {
  s = s + i * 3
  x = (x * 5 + i) % 1000003
  if x > 500000 { s = s - x } else { s = s + (x ^ 0x55) }
}
print(s, x)
