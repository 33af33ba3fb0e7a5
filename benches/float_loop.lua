-- Benchmark 3: Leibniz series for pi (same program as float_loop.rs).
local n = tonumber(arg[1]) or 10000000
local sum = 0.0
local sign = 1.0
for k = 0, n - 1 do
  sum = sum + sign / (2.0 * k + 1.0)
  sign = -sign
end
print(string.format("float_loop(%d) = %.12f", n, 4.0 * sum))
