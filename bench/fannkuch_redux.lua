-- fannkuch_redux: the Benchmarks Game fannkuch-redux (small int arrays,
-- indexing, swaps). Prints the checksum and the maximum number of flips.
-- Same algorithm as the .gs twin; arrays are 1-based (element i of the .gs
-- list is t[i + 1] here), permutation values are 0-based in both.
local N = tonumber(arg[1]) or 9
local REPS = 6   -- fannkuch(10) alone is too long for one run on lua5.4

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  for i = 1, n do perm[i] = 0; perm1[i] = i - 1; count[i] = 0 end
  local max_flips = 0
  local checksum = 0
  local perm_count = 0
  local r = n
  while true do
    while r ~= 1 do
      count[r] = r
      r = r - 1
    end
    for i = 1, n do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 0 do
      local i, j = 1, k + 1
      while i < j do
        local t = perm[i]
        perm[i] = perm[j]
        perm[j] = t
        i = i + 1
        j = j - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > max_flips then max_flips = flips end
    if perm_count % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- next permutation
    while true do
      if r == n then
        return checksum, max_flips
      end
      local perm0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = perm0
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    perm_count = perm_count + 1
  end
end

local checksum, max_flips = fannkuch(N)
for rep = 2, REPS do checksum, max_flips = fannkuch(N) end
print(checksum)
print("Pfannkuchen(" .. N .. ") = " .. max_flips)
