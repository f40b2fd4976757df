-- string_ops: concatenation, split, find, replace, upper, join, substring
-- search, slicing — the everyday string functions. Split uses gmatch (no
-- field is empty here), replace uses gsub with a plain pattern, find is a
-- plain find; positions are converted to 0-based to match the .gs twin.
local N = tonumber(arg[1]) or 500000

local function split(s, sep)
  local out = {}
  for piece in string.gmatch(s, "[^" .. sep .. "]+") do out[#out + 1] = piece end
  return out
end

local total = 0
local acc = {}
for i = 0, N - 1 do
  local line = "alpha,beta," .. tostring(i) .. ",gamma,delta"
  local parts = split(line, ",")
  total = total + #parts
  local up = string.upper(line)
  total = total + (string.find(up, "GAMMA", 1, true) - 1)
  local r = string.gsub(line, "a", "4")
  total = total + #r
  if string.find(r, "4lph4", 1, true) then total = total + 1 end
  local j = table.concat(parts, "-")
  total = total + #j
  local sub = string.sub(j, 7, 10)
  if sub == "beta" then total = total + 2 end
  acc[#acc + 1] = parts[3]
  if #acc == 100 then
    total = total + #table.concat(acc, "")
    acc = {}
  end
end
print(total)
