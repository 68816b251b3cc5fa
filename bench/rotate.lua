-- wrk: each request takes the next query of BENCH_QUERIES (one query string a line).
local queries, position = {}, 0
for query in string.gmatch(os.getenv("BENCH_QUERIES") or "", "[^\n]+") do
  table.insert(queries, query)
end
request = function()
  position = position % #queries + 1
  return wrk.format("GET", wrk.path .. "?" .. queries[position])
end
