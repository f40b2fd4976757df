-- text_report: a text-processing script — split a generated text into lines
-- and words, normalise the words (lower case, trailing punctuation removed),
-- count them in a table, sort by frequency and print a formatted table, plus
-- per-line and word-length statistics. (gs does this without regular
-- expressions; the Lua twin uses gmatch/gsub, the usual Lua way.)
local N = tonumber(arg[1]) or 50000

local SYLLABLES = { "ka", "lo", "mi", "ren", "sa", "tor", "vel", "qu", "an", "est", "io", "dra" }
local PUNCT = { ",", ".", ";", "!", "?", ":" }

local seed = 777
local function rand(n)    -- an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local vocab = {}
for i = 0, 1499 do
  local w = SYLLABLES[i % 12 + 1]
  local rest = math.floor(i / 12)
  while rest > 0 do
    w = w .. SYLLABLES[rest % 12 + 1]
    rest = math.floor(rest / 12)
  end
  vocab[#vocab + 1] = w
end

-- The corpus: lines of 4-15 words, frequent words much more likely (a word
-- index of rand(rand(n) + 1)), sentences capitalised, some punctuation.
local lines = {}
for i = 1, N do
  local words = {}
  local count = 4 + rand(12)
  for j = 0, count - 1 do
    local w = vocab[rand(rand(#vocab) + 1) + 1]
    if j == 0 then w = w:sub(1, 1):upper() .. w:sub(2) end
    if rand(6) == 0 then w = w .. PUNCT[rand(#PUNCT) + 1] end
    words[#words + 1] = w
  end
  lines[#lines + 1] = table.concat(words, " ") .. "."
end
local text = table.concat(lines, "\n") .. "\n"

-- The script proper: from the text alone.
local counts = {}
local by_length = {}
local line_count = 0
local word_total = 0
local longest = ""
for line in text:gmatch("[^\n]+") do
  line_count = line_count + 1
  if #line > #longest then longest = line end
  for raw in line:gmatch("%S+") do
    local w = raw:lower():gsub("[%.,;:!?]+$", "")
    if w ~= "" then
      word_total = word_total + 1
      counts[w] = (counts[w] or 0) + 1
      by_length[#w] = (by_length[#w] or 0) + 1
    end
  end
end

local entries = {}
for w, c in pairs(counts) do entries[#entries + 1] = { w, c } end
table.sort(entries, function(a, b)
  if a[2] ~= b[2] then return a[2] > b[2] end
  return a[1] < b[1]
end)

print(string.format("%d lines, %d words, %d distinct, %.3f words per line", line_count, word_total, #entries, word_total / line_count))
print(string.format("longest line: %d bytes", #longest))
print(string.format("%-4s %-16s %8s %7s", "rank", "word", "count", "share"))
for i = 1, 25 do
  local e = entries[i]
  print(string.format("%4d %-16s %8d %6.2f%%", i, e[1], e[2], 100 * e[2] / word_total))
end
local rare = 0
for _, e in ipairs(entries) do if e[2] == 1 then rare = rare + 1 end end
print(string.format("words seen once: %d", rare))
local sizes = {}
for n in pairs(by_length) do sizes[#sizes + 1] = n end
table.sort(sizes)
local cells = {}
for _, n in ipairs(sizes) do cells[#cells + 1] = string.format("%d:%d", n, by_length[n]) end
print("by length: " .. table.concat(cells, " "))
