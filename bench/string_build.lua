-- string_build: a CSV export, a fixed-width text report and an HTML table
-- filled from a template, each built piece by piece from generated records
-- (concatenation, string.format, gsub, table.concat, string.rep).
local N = tonumber(arg[1]) or 60000

local FIRST = { "Ada", "Bruno", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas" }
local LAST = { "Smith", "Okafor", "Garcia", "Novak", "Tanaka", "Muller", "Rossi", "Silva", "Kowalski" }
local CITIES = { "Lisbon", "Oslo", "Nairobi", "Lima", "Osaka", "Tunis", "Quebec" }

local seed = 2024
local function rand(n)    -- an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local records = {}
for i = 0, N - 1 do
  local name = FIRST[rand(#FIRST) + 1] .. " " .. LAST[rand(#LAST) + 1]
  if rand(10) == 0 then name = name .. " & Sons" end
  records[#records + 1] = {
    id = 1000 + i,
    name = name,
    city = CITIES[rand(#CITIES) + 1],
    qty = 1 + rand(50),
    price = rand(100000) / 100,
  }
end

-- CSV: one concatenated line per record, joined at the end.
local rows = { "id,name,city,qty,price,total" }
for _, r in ipairs(records) do
  local line = r.id .. "," .. r.name .. "," .. r.city .. "," .. r.qty .. ","
  line = line .. string.format("%.2f", r.price) .. "," .. string.format("%.2f", r.qty * r.price)
  rows[#rows + 1] = line
end
local csv = table.concat(rows, "\n") .. "\n"

-- Text report: a section per city with aligned columns and a subtotal.
local report = {}
local rule = string.rep("-", 64)
for _, city in ipairs(CITIES) do
  report[#report + 1] = "== " .. city:upper() .. " =="
  report[#report + 1] = string.format("%-6s %-24s %5s %10s %12s", "id", "name", "qty", "price", "total")
  report[#report + 1] = rule
  local count = 0
  local sum = 0
  for _, r in ipairs(records) do
    if r.city == city then
      local total = r.qty * r.price
      report[#report + 1] = string.format("%-6d %-24s %5d %10.2f %12.2f", r.id, r.name, r.qty, r.price, total)
      count = count + 1
      sum = sum + total
    end
  end
  report[#report + 1] = rule
  report[#report + 1] = string.format("%-6s %-24s %5d %10s %12.2f", "", "subtotal", count, "", sum)
  report[#report + 1] = ""
end
local text = table.concat(report, "\n")

-- HTML: a row template filled with gsub, cells appended with `..`.
local TEMPLATE = '<tr class="{{class}}"><td>{{id}}</td><td>{{name}}</td>{{cells}}</tr>'
local html = {}
html[#html + 1] = "<table>"
for i, r in ipairs(records) do
  local cells = ""
  for _, v in ipairs({ r.city, tostring(r.qty), string.format("%.2f", r.price) }) do
    cells = cells .. "<td>" .. v .. "</td>"
  end
  local kind = "even"
  if (i - 1) % 2 == 1 then kind = "odd" end
  local row = TEMPLATE:gsub("{{class}}", kind):gsub("{{id}}", r.id)
  row = row:gsub("{{name}}", (r.name:gsub("&", "&amp;"))):gsub("{{cells}}", cells)
  html[#html + 1] = row
end
html[#html + 1] = "</table>"
local page = table.concat(html, "\n")

local function split_lines(s)
  local lines = {}
  local start = 1
  while true do
    local i = string.find(s, "\n", start, true)
    if not i then lines[#lines + 1] = string.sub(s, start); break end
    lines[#lines + 1] = string.sub(s, start, i - 1)
    start = i + 1
  end
  return lines
end

local function show(label, s)
  local lines = split_lines(s)
  print(string.format("%s: %d bytes, %d lines", label, #s, #lines))
  print("  " .. lines[2])
  print("  " .. lines[#lines - 1])
end
show("csv", csv)
show("report", text)
show("html", page)
local sons = 0
for _, line in ipairs(html) do
  if string.find(line, "&amp; Sons", 1, true) then sons = sons + 1 end
end
print(string.format("rows with & Sons: %d", sons))
