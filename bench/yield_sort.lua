-- yield_sort: a sort whose comparator yields on every comparison; the sort
-- runs inside a coroutine that a resume loop drives to completion.
-- table.sort cannot be used: its comparator may not yield ("attempt to yield
-- across a C-call boundary"), so this is a plain top-down merge sort in Lua.
local N = tonumber(arg[1]) or 120000
local ROUNDS = 3

local seed = 7
local function rand()
  seed = seed * 16807 % 2147483647
  return seed
end

local function merge_sort(a, lt)
  local n = #a
  local tmp = {}
  local function rec(lo, hi)       -- sorts a[lo..hi]
    if hi <= lo then return end
    local mid = math.floor((lo + hi) / 2)
    rec(lo, mid)
    rec(mid + 1, hi)
    local i, j, k = lo, mid + 1, lo
    while i <= mid and j <= hi do
      if lt(a[j], a[i]) then tmp[k] = a[j]; j = j + 1
      else tmp[k] = a[i]; i = i + 1 end
      k = k + 1
    end
    while i <= mid do tmp[k] = a[i]; i = i + 1; k = k + 1 end
    while j <= hi do tmp[k] = a[j]; j = j + 1; k = k + 1 end
    for x = lo, hi do a[x] = tmp[x] end
  end
  rec(1, n)
  return a
end

local check = 0
for round = 1, ROUNDS do
  local l = {}
  for i = 1, N do l[i] = rand() % 1000000 end
  local g = coroutine.create(function(list)
    return merge_sort(list, function(a, b)
      coroutine.yield(a)
      return a < b
    end)
  end)
  local ok, r = coroutine.resume(g, l)
  while coroutine.status(g) ~= "dead" do ok, r = coroutine.resume(g) end
  local s = 0
  for _, v in ipairs(r) do s = (s * 31 + v) % 1000000007 end
  check = (check + s) % 1000000007
end
print(check)
