-- Benchmark 4: binary-trees (same program as binary_trees.rs); a node is a
-- table { left, right }, a leaf is an empty table.
local function bottom_up(depth)
  if depth > 0 then
    return { bottom_up(depth - 1), bottom_up(depth - 1) }
  else
    return {}
  end
end

local function check(node)
  local total = 1
  local l, r = node[1], node[2]
  if l then total = total + check(l) end
  if r then total = total + check(r) end
  return total
end

local n = tonumber(arg[1]) or 16
local min_depth = 4
local max_depth = n
if min_depth + 2 > n then max_depth = min_depth + 2 end

local stretch_depth = max_depth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch_depth, check(bottom_up(stretch_depth))))

local long_lived = bottom_up(max_depth)

local depth = min_depth
while depth <= max_depth do
  local iterations = 1
  for _ = 1, max_depth - depth + min_depth do
    iterations = iterations * 2
  end
  local sum = 0
  for _ = 1, iterations do
    sum = sum + check(bottom_up(depth))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iterations, depth, sum))
  depth = depth + 2
end

print(string.format("long lived tree of depth %d\t check: %d", max_depth, check(long_lived)))
