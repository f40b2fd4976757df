-- loop: a tight loop of integer arithmetic on locals.
local N = tonumber(arg[1]) or 30000000

local s = 0
local x = 1
for i = 0, N - 1 do
  s = s + i * 3
  x = (x * 5 + i) % 1000003
  if x > 500000 then s = s - x else s = s + (x ~ 0x55) end
end
print(s .. " " .. x)
