-- json_roundtrip: build a large document (orders with nested customers, item
-- lists, strings with escapes and non-ASCII text, floats, bools, nulls),
-- encode it, decode it, walk the result and encode it again, ROUNDS times.
-- Lua has no JSON library, so this file carries a small one written in Lua
-- (gs uses its native json library): objects are encoded with sorted keys,
-- null is the sentinel `json.null`, an empty table is encoded as [].
local N = tonumber(arg[1]) or 2500
local ROUNDS = 3

local json = { null = setmetatable({}, { __tostring = function() return "null" end }) }

do
  local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
                    ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
  local function escape(c)
    return ESCAPES[c] or string.format("\\u%04x", string.byte(c))
  end

  -- Lua 5.4 tells ints from floats; LuaJIT and Lua 5.1 have only doubles, so
  -- there an integral value is written as an int.
  local math_type = math.type
  local function encode_number(v)
    if v ~= v or v == math.huge or v == -math.huge then error("json: cannot encode " .. tostring(v)) end
    if math_type then
      if math_type(v) == "integer" then return tostring(v) end
    elseif v == math.floor(v) and v > -2^53 and v < 2^53 then
      return string.format("%d", v)
    end
    local s = string.format("%.15g", v)   -- the shortest that reads back exactly
    if tonumber(s) ~= v then
      s = string.format("%.16g", v)
      if tonumber(s) ~= v then s = string.format("%.17g", v) end
    end
    if not s:find("[%.eE]") then s = s .. ".0" end
    return s
  end

  local encode_value
  local function encode_table(t, out)
    if t == json.null then out[#out + 1] = "null"; return end
    if t[1] ~= nil or next(t) == nil then
      out[#out + 1] = "["
      for i = 1, #t do
        if i > 1 then out[#out + 1] = "," end
        encode_value(t[i], out)
      end
      out[#out + 1] = "]"
      return
    end
    local keys = {}
    for k in pairs(t) do
      if type(k) ~= "string" then error("json: object keys must be strings") end
      keys[#keys + 1] = k
    end
    table.sort(keys)
    out[#out + 1] = "{"
    for i, k in ipairs(keys) do
      if i > 1 then out[#out + 1] = "," end
      out[#out + 1] = '"' .. k:gsub('[%z\1-\31"\\]', escape) .. '":'
      encode_value(t[k], out)
    end
    out[#out + 1] = "}"
  end

  encode_value = function(v, out)
    local kind = type(v)
    if kind == "string" then
      out[#out + 1] = '"' .. v:gsub('[%z\1-\31"\\]', escape) .. '"'
    elseif kind == "number" then
      out[#out + 1] = encode_number(v)
    elseif kind == "boolean" then
      out[#out + 1] = v and "true" or "false"
    elseif kind == "table" then
      encode_table(v, out)
    elseif v == nil then
      out[#out + 1] = "null"
    else
      error("json: cannot encode " .. kind)
    end
  end

  function json.encode(v)
    local out = {}
    encode_value(v, out)
    return table.concat(out)
  end

  local UNESCAPES = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

  local function fail(s, i, what)
    error(string.format("json: %s at position %d", what, i), 0)
  end

  local function skip_space(s, i)
    return s:find("[^ \t\r\n]", i) or #s + 1
  end

  local function utf8_char(cp)
    if cp < 0x80 then return string.char(cp) end
    if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
    return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end

  local decode_value

  local function decode_string(s, i)   -- s[i] is the opening quote
    local parts = {}
    local j = i + 1
    while true do
      local k = s:find('["\\]', j)
      if not k then fail(s, i, "unterminated string") end
      if k > j then parts[#parts + 1] = s:sub(j, k - 1) end
      if s:byte(k) == 34 then return table.concat(parts), k + 1 end
      local e = s:sub(k + 1, k + 1)
      if e == "u" then
        local hex = s:match("^%x%x%x%x", k + 2)
        if not hex then fail(s, k, "invalid \\u escape") end
        parts[#parts + 1] = utf8_char(tonumber(hex, 16))
        j = k + 6
      else
        local c = UNESCAPES[e]
        if not c then fail(s, k, "invalid escape") end
        parts[#parts + 1] = c
        j = k + 2
      end
    end
  end

  local function decode_array(s, i)
    local t = {}
    i = skip_space(s, i + 1)
    if s:byte(i) == 93 then return t, i + 1 end
    while true do
      local v
      v, i = decode_value(s, i)
      t[#t + 1] = v
      i = skip_space(s, i)
      local c = s:byte(i)
      if c == 93 then return t, i + 1 end
      if c ~= 44 then fail(s, i, "expected ',' or ']'") end
      i = i + 1
    end
  end

  local function decode_object(s, i)
    local t = {}
    i = skip_space(s, i + 1)
    if s:byte(i) == 125 then return t, i + 1 end
    while true do
      if s:byte(i) ~= 34 then fail(s, i, "expected a string key") end
      local k, v
      k, i = decode_string(s, i)
      i = skip_space(s, i)
      if s:byte(i) ~= 58 then fail(s, i, "expected ':'") end
      v, i = decode_value(s, i + 1)
      t[k] = v
      i = skip_space(s, i)
      local c = s:byte(i)
      if c == 125 then return t, i + 1 end
      if c ~= 44 then fail(s, i, "expected ',' or '}'") end
      i = skip_space(s, i + 1)
    end
  end

  decode_value = function(s, i)
    i = skip_space(s, i)
    local c = s:byte(i)
    if c == 123 then return decode_object(s, i)
    elseif c == 91 then return decode_array(s, i)
    elseif c == 34 then return decode_string(s, i)
    elseif c == 116 and s:sub(i, i + 3) == "true" then return true, i + 4
    elseif c == 102 and s:sub(i, i + 4) == "false" then return false, i + 5
    elseif c == 110 and s:sub(i, i + 3) == "null" then return json.null, i + 4
    end
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    if not num then fail(s, i, "unexpected character") end
    local v = tonumber(num)
    if not v then fail(s, i, "invalid number") end
    return v, i + #num
  end

  function json.decode(s)
    local v, i = decode_value(s, 1)
    i = skip_space(s, i)
    if i <= #s then fail(s, i, "trailing characters") end
    return v
  end
end

local NAMES = { "Ada Lovelace", "Zoë Brandt", "Jürgen Ólafsson", 'Mei "May" Lin', "Kwame Mensah", "Ana Souza" }
local NOTES = { "Leave at the door", "Call first\nthen ring", 'Fragile:\t"glass"', "Back\\side entrance" }
local TAGS = { "gift", "express", "bulk", "fragile", "repeat" }

local seed = 31337
local function rand(n)    -- an int in [0, n)
  seed = seed * 16807 % 2147483647
  return seed % n
end

local function make_order(id)
  local items = {}
  local cents = 0
  for j = 1, 1 + rand(5) do
    local price = (rand(100000) * 2 + 1) / 200
    local qty = 1 + rand(7)
    items[#items + 1] = { price = price, qty = qty, sku = string.format("SKU-%05d", rand(100000)),
                          weight = (rand(4000) * 2 + 1) / 16 }
    cents = cents + math.floor(price * qty * 100)
  end
  local tags = {}
  for j = 1, rand(3) do tags[#tags + 1] = TAGS[rand(#TAGS) + 1] end
  local note = json.null
  if rand(3) == 0 then note = NOTES[rand(#NOTES) + 1] end
  local cid = rand(5000)
  return {
    customer = { email = string.format("user%d@example.com", cid), id = cid, name = NAMES[cid % #NAMES + 1] },
    id = id,
    items = items,
    note = note,
    paid = rand(2) == 0,
    tags = tags,
    total_cents = cents,
  }
end

local orders = {}
for i = 0, N - 1 do orders[#orders + 1] = make_order(100000 + i) end
local doc = { generated = "2026-12-05", orders = orders, version = 3 }

local text = ""
local same = true
local qty, weight, cents, notes, paid, tags = 0, 0, 0, 0, 0, 0
for round = 1, ROUNDS do
  text = json.encode(doc)
  local back = json.decode(text)
  for _, order in ipairs(back.orders) do
    for _, item in ipairs(order.items) do
      qty = qty + item.qty
      weight = weight + item.weight
    end
    cents = cents + order.total_cents
    if order.note ~= json.null then notes = notes + 1 end
    if order.paid then paid = paid + 1 end
    tags = tags + #order.tags
  end
  if json.encode(back) ~= text then same = false end
  doc = back
end
print(string.format("%d bytes; round trip identical: %s", #text, tostring(same)))
print(string.format("qty %d weight %.4f cents %d notes %d paid %d tags %d", qty, weight, cents, notes, paid, tags))
print(text:sub(1, 120))
print(text:sub(#text - 119))
