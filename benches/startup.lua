-- Benchmark: start-up (same program as startup.rs).
local n = tonumber(arg[1]) or 1
print(string.format("startup %d", n))
