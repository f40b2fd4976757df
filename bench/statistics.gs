# statistics: descriptive statistics, a least-squares line fit and a histogram
# over generated samples, then a bouncing-ball simulation — written plainly:
# accumulators start at 0 and take floats, halves are `* 0.5`.
let N = 1000000
if len(os.args) > 0 { N = int(os.args[0]) }

let seed = 12345
fn rand() {    # uniform in [0, 1); the products stay below 2^53
  seed = seed * 16807 % 2147483647
  return seed / 2147483647
}

fn mean(values) {
  let sum = 0
  for v in values { sum += v }
  return sum / len(values)
}

fn variance(values, m) {
  let sum = 0
  for v in values {
    let d = v - m
    sum += d * d
  }
  return sum / (len(values) - 1)
}

fn fit_line(xs, ys) {
  let n = len(xs)
  let sx = 0
  let sy = 0
  let sxx = 0
  let sxy = 0
  for i in 0..n {
    sx += xs[i]
    sy += ys[i]
    sxx += xs[i] * xs[i]
    sxy += xs[i] * ys[i]
  }
  let slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
  let intercept = (sy - slope * sx) / n
  return [slope, intercept]
}

fn moving_average_peak(values, window) {
  let sum = 0
  let best = 0
  for i in 0..len(values) {
    sum += values[i]
    if i >= window { sum -= values[i - window] }
    if i >= window - 1 and sum / window > best { best = sum / window }
  }
  return best
}

fn bounce(height, steps) {
  let y = height
  let v = 0
  let t = 0
  let travelled = 0
  let bounces = 0
  let dt = 0.001
  for s in 0..steps {
    v -= 9.81 * dt
    let next = y + v * dt
    travelled += math.abs(next - y)
    y = next
    if y < 0 {
      y = -y * 0.5
      v = -v * 0.8
      bounces += 1
    }
    t += dt
  }
  let energy = 0.5 * v * v + 9.81 * y
  return [bounces, travelled, energy, t]
}

let xs = []
let ys = []
for i in 0..N {
  let x = rand() * 100
  xs.push(x)
  ys.push(2.5 * x + 10 + (rand() - 0.5) * 8)
}

let mx = mean(xs)
let my = mean(ys)
print("mean x %.6f y %.6f".format(mx, my))
print("stddev x %.6f y %.6f".format(math.sqrt(variance(xs, mx)), math.sqrt(variance(ys, my))))
let line = fit_line(xs, ys)
print("fit y = %.6f x + %.6f".format(line[0], line[1]))

let lo = ys[0]
let hi = ys[0]
for v in ys {
  if v < lo { lo = v }
  if v > hi { hi = v }
}
print("range %.6f .. %.6f".format(lo, hi))

let buckets = []
for i in 0..10 { buckets.push(0) }
for x in xs { buckets[int(x / 10)] += 1 }
let shown = []
for b in buckets { shown.push(str(b)) }
print("histogram " + " ".join(shown))

let sorted = ys.copy()
sorted.sort()
let half = len(sorted) // 2
let median = sorted[half]
if len(sorted) % 2 == 0 { median = (sorted[half - 1] + sorted[half]) * 0.5 }
print("median %.6f p90 %.6f".format(median, sorted[int(len(sorted) * 0.9)]))
print("peak moving average %.6f".format(moving_average_peak(ys, 50)))

let total_bounces = 0
let total_travelled = 0
let total_energy = 0
for h in 1..(N // 20000 + 2) {
  let r = bounce(h * 5, 20000)
  total_bounces += r[0]
  total_travelled += r[1]
  total_energy += r[2]
}
print("bounces %d travelled %.6f energy %.6f".format(total_bounces, total_travelled, total_energy))
