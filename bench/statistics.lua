-- statistics: descriptive statistics, a least-squares line fit and a histogram
-- over generated samples, then a bouncing-ball simulation — written plainly:
-- accumulators start at 0 and take floats, halves are `* 0.5`.
local N = tonumber(arg[1]) or 1000000

local seed = 12345
local function rand()    -- uniform in [0, 1); the products stay below 2^53
  seed = seed * 16807 % 2147483647
  return seed / 2147483647
end

local function mean(values)
  local sum = 0
  for i = 1, #values do sum = sum + values[i] end
  return sum / #values
end

local function variance(values, m)
  local sum = 0
  for i = 1, #values do
    local d = values[i] - m
    sum = sum + d * d
  end
  return sum / (#values - 1)
end

local function fit_line(xs, ys)
  local n = #xs
  local sx, sy, sxx, sxy = 0, 0, 0, 0
  for i = 1, n do
    sx = sx + xs[i]
    sy = sy + ys[i]
    sxx = sxx + xs[i] * xs[i]
    sxy = sxy + xs[i] * ys[i]
  end
  local slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
  local intercept = (sy - slope * sx) / n
  return slope, intercept
end

local function moving_average_peak(values, window)
  local sum = 0
  local best = 0
  for i = 1, #values do
    sum = sum + values[i]
    if i > window then sum = sum - values[i - window] end
    if i >= window and sum / window > best then best = sum / window end
  end
  return best
end

local function bounce(height, steps)
  local y = height
  local v = 0
  local t = 0
  local travelled = 0
  local bounces = 0
  local dt = 0.001
  for s = 1, steps do
    v = v - 9.81 * dt
    local next = y + v * dt
    travelled = travelled + math.abs(next - y)
    y = next
    if y < 0 then
      y = -y * 0.5
      v = -v * 0.8
      bounces = bounces + 1
    end
    t = t + dt
  end
  local energy = 0.5 * v * v + 9.81 * y
  return bounces, travelled, energy, t
end

local xs, ys = {}, {}
for i = 1, N do
  local x = rand() * 100
  xs[i] = x
  ys[i] = 2.5 * x + 10 + (rand() - 0.5) * 8
end

local mx = mean(xs)
local my = mean(ys)
print(string.format("mean x %.6f y %.6f", mx, my))
print(string.format("stddev x %.6f y %.6f", math.sqrt(variance(xs, mx)), math.sqrt(variance(ys, my))))
local slope, intercept = fit_line(xs, ys)
print(string.format("fit y = %.6f x + %.6f", slope, intercept))

local lo, hi = ys[1], ys[1]
for i = 1, #ys do
  local v = ys[i]
  if v < lo then lo = v end
  if v > hi then hi = v end
end
print(string.format("range %.6f .. %.6f", lo, hi))

local buckets = {}
for i = 1, 10 do buckets[i] = 0 end
for i = 1, #xs do
  local b = math.floor(xs[i] / 10) + 1
  buckets[b] = buckets[b] + 1
end
print("histogram " .. table.concat(buckets, " "))

local sorted = {}
for i = 1, #ys do sorted[i] = ys[i] end
table.sort(sorted)
local half = math.floor(#sorted / 2)
local median = sorted[half + 1]
if #sorted % 2 == 0 then median = (sorted[half] + sorted[half + 1]) * 0.5 end
print(string.format("median %.6f p90 %.6f", median, sorted[math.floor(#sorted * 0.9) + 1]))
print(string.format("peak moving average %.6f", moving_average_peak(ys, 50)))

local total_bounces, total_travelled, total_energy = 0, 0, 0
for h = 1, math.floor(N / 20000) + 1 do
  local b, tr, e = bounce(h * 5, 20000)
  total_bounces = total_bounces + b
  total_travelled = total_travelled + tr
  total_energy = total_energy + e
end
print(string.format("bounces %d travelled %.6f energy %.6f", total_bounces, total_travelled, total_energy))
