-- Benchmark 1: naive recursive Fibonacci (same program as fib.rs).
local function fib(n)
  if n < 2 then
    return n
  else
    return fib(n - 1) + fib(n - 2)
  end
end

local n = tonumber(arg[1]) or 32
print(string.format("fib(%d) = %d", n, fib(n)))
