# nbody: the Computer Language Benchmarks Game n-body simulation (float
# arithmetic, field reads and writes on instances).
let N = 500000
if len(os.args) > 0 { N = int(os.args[0]) }

let PI = 3.141592653589793
let SOLAR_MASS = 4.0 * PI * PI
let DAYS_PER_YEAR = 365.24

class Body {
  fn init(x, y, z, vx, vy, vz, mass) {
    self.x = x; self.y = y; self.z = z
    self.vx = vx * DAYS_PER_YEAR; self.vy = vy * DAYS_PER_YEAR; self.vz = vz * DAYS_PER_YEAR
    self.mass = mass * SOLAR_MASS
  }
}

let bodies = [
  Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
  Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
       1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
       9.54791938424326609e-04),
  Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
       -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
       2.85885980666130812e-04),
  Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
       2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
       4.36624404335156298e-05),
  Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
       2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
       5.15138902046611451e-05),
]

fn offset_momentum(bodies) {
  let px = 0.0
  let py = 0.0
  let pz = 0.0
  for b in bodies {
    px += b.vx * b.mass
    py += b.vy * b.mass
    pz += b.vz * b.mass
  }
  let sun = bodies[0]
  sun.vx = -px / SOLAR_MASS
  sun.vy = -py / SOLAR_MASS
  sun.vz = -pz / SOLAR_MASS
}

fn energy(bodies) {
  let e = 0.0
  let n = len(bodies)
  for i in 0..n {
    let b = bodies[i]
    e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for j in i + 1..n {
      let b2 = bodies[j]
      let dx = b.x - b2.x
      let dy = b.y - b2.y
      let dz = b.z - b2.z
      e -= (b.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    }
  }
  return e
}

fn advance(bodies, dt) {
  let n = len(bodies)
  for i in 0..n {
    let b = bodies[i]
    let bx = b.x
    let by = b.y
    let bz = b.z
    let bmass = b.mass
    for j in i + 1..n {
      let b2 = bodies[j]
      let dx = bx - b2.x
      let dy = by - b2.y
      let dz = bz - b2.z
      let d2 = dx * dx + dy * dy + dz * dz
      let mag = dt / (d2 * math.sqrt(d2))
      let bm = bmass * mag
      let b2m = b2.mass * mag
      b.vx -= dx * b2m
      b.vy -= dy * b2m
      b.vz -= dz * b2m
      b2.vx += dx * bm
      b2.vy += dy * bm
      b2.vz += dz * bm
    }
  }
  for b in bodies {
    b.x += dt * b.vx
    b.y += dt * b.vy
    b.z += dt * b.vz
  }
}

offset_momentum(bodies)
print("%.9f".format(energy(bodies)))
for i in 0..N { advance(bodies, 0.01) }
print("%.9f".format(energy(bodies)))
