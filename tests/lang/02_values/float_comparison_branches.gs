# Comparing two floats in variables, as a value and as the condition of an
# if / while: NaN is neither less, nor greater, nor equal, in either order;
# -0.0 and 0.0 are equal; infinities order as numbers.
let inf = 1e308 * 10
let nan = inf - inf
let one = 1.0
let nz = -0.0
let z = 0.0
fn branches(a, b) {
  let r = ""
  if a < b { r += "<" } else { r += "." }
  if a <= b { r += "<=" } else { r += "." }
  if a > b { r += ">" } else { r += "." }
  if a >= b { r += ">=" } else { r += "." }
  if not (a < b) { r += "!<" }
  return r
}
print(branches(nan, one), branches(one, nan), branches(nan, nan))
print(branches(nz, z), branches(one, inf), branches(-inf, one), branches(2.5, 1.5))
print(nan < one, one < nan, nan <= nan, nz <= z, z < nz, one < inf, -inf <= -inf)
let n = 0
let x = 0.0
while x < 2.5 { x += 0.5; n += 1 }
print(n, x)
# expect: ....!< ....!< ....!<
# expect: .<=.>=!< <<=.. <<=.. ..>>=!<
# expect: false false false true false true true
# expect: 5 2.5
