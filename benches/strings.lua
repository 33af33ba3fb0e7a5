-- Benchmark 5: strings and a hash map (same program as strings.rs). Integer
-- division is written math.floor(a / b) so that LuaJIT (Lua 5.1 syntax) runs it.
local syllables = { "ka", "lo", "mi", "nu", "pe", "ra", "si", "to" }

local function make_word(n)
  local word = ""
  local k = n + 1
  while k > 0 do
    word = word .. syllables[k % 8 + 1]
    k = math.floor(k / 8)
  end
  return word
end

local n = tonumber(arg[1]) or 1000000

local counts = {}
local distinct = 0
for i = 0, n - 1 do
  local word = make_word((i * 7919) % 10007)
  local key = word .. "-" .. (i % 7)
  local c = counts[key]
  if c == nil then
    c = 0
    distinct = distinct + 1
  end
  counts[key] = c + 1
end

local checksum = 0
local most = 0
for key, count in pairs(counts) do
  checksum = (checksum + #key * 31 * count + count) % 1000000007
  if count > most then most = count end
end

local parts = {}
for i = 0, math.floor(n / 10) - 1 do
  parts[#parts + 1] = make_word(i)
  parts[#parts + 1] = " "
end
local text = table.concat(parts)

print(string.format("strings(%d): distinct %d most %d checksum %d text %d",
  n, distinct, most, checksum, #text))
