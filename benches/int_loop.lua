-- Benchmark 2: a tight integer loop (same program as int_loop.rs).
local n = tonumber(arg[1]) or 100000000
local acc = 0
for i = 0, n - 1 do
  acc = acc + i * 3 + 1
  if acc >= 1000000007 then
    acc = acc - 1000000007
  end
end
print(string.format("int_loop(%d) = %d", n, acc))
