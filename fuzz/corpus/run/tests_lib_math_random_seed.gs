# seed(n) makes the sequence reproducible; different seeds differ.
fn draw() {
  let out = []
  for i in 0..5 { out.push(math.random(0, 1000000)) }
  out.push(math.random())
  return out
}
math.seed(42)
let a = draw()
math.seed(42)
let b = draw()
math.seed(43)
let c = draw()
print(a == b, str(a) == str(b), str(a) == str(c))
math.seed(3)
let x = math.random()
math.seed(3.0)
print(x == math.random())
math.seed(-1)
math.seed(0)
math.seed()
print(type(math.random()))
# expect: false true false
# expect: true
# expect: float
