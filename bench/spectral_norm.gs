# spectral_norm: the Benchmarks Game spectral norm (nested float loops over lists).
let N = 800
if len(os.args) > 0 { N = int(os.args[0]) }

fn a(i, j) {
  let ij = i + j
  return 1.0 / (ij * (ij + 1) * 0.5 + i + 1)
}

fn mul_av(n, v, av) {
  for i in 0..n {
    let s = 0.0
    for j in 0..n { s += a(i, j) * v[j] }
    av[i] = s
  }
}

fn mul_atv(n, v, atv) {
  for i in 0..n {
    let s = 0.0
    for j in 0..n { s += a(j, i) * v[j] }
    atv[i] = s
  }
}

fn mul_atav(n, v, out, tmp) {
  mul_av(n, v, tmp)
  mul_atv(n, tmp, out)
}

let u = []
let v = []
let tmp = []
for i in 0..N { u.push(1.0); v.push(0.0); tmp.push(0.0) }
for i in 0..10 {
  mul_atav(N, u, v, tmp)
  mul_atav(N, v, u, tmp)
}
let vbv = 0.0
let vv = 0.0
for i in 0..N {
  vbv += u[i] * v[i]
  vv += v[i] * v[i]
}
print("%.9f".format(math.sqrt(vbv / vv)))
