-- spectral_norm: the Benchmarks Game spectral norm (nested float loops over arrays).
local N = tonumber(arg[1]) or 800

local function a(i, j)
  local ij = i + j
  return 1.0 / (ij * (ij + 1) * 0.5 + i + 1)
end

local function mul_av(n, v, av)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + a(i, j) * v[j + 1] end
    av[i + 1] = s
  end
end

local function mul_atv(n, v, atv)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do s = s + a(j, i) * v[j + 1] end
    atv[i + 1] = s
  end
end

local function mul_atav(n, v, out, tmp)
  mul_av(n, v, tmp)
  mul_atv(n, tmp, out)
end

local u, v, tmp = {}, {}, {}
for i = 1, N do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
for i = 1, 10 do
  mul_atav(N, u, v, tmp)
  mul_atav(N, v, u, tmp)
end
local vbv, vv = 0.0, 0.0
for i = 1, N do
  vbv = vbv + u[i] * v[i]
  vv = vv + v[i] * v[i]
end
print(string.format("%.9f", math.sqrt(vbv / vv)))
