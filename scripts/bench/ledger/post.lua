-- wrk script: POST /api/v1/cases with varying kinds, categories, grids and titles (scripts/bench/ledger.sh).
-- The bearer token comes from the environment variable TOKEN.
local token = os.getenv("TOKEN")
local kinds = {
  {"dispute", "conflict.neighbour", "邻里噪音纠纷"}, {"dispute", "conflict.labour", "工地拖欠工资"},
  {"hazard", "safety.fire", "楼道堆放杂物堵塞消防通道"}, {"request", "service.city", "路灯损坏无人维修"},
  {"hazard", "safety.gas", "老旧小区燃气管道锈蚀"}, {"request", "service.utilities", "小区停水未提前通知"},
}
local grids = {}
for s = 1, 3 do for c = 1, 2 do for g = 1, 4 do
  grids[#grids + 1] = string.format("990102%03d%03d%03d", s, c, g)
end end end
local counter = 0
local thread_tag = tostring(math.random(100000, 999999))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local k = kinds[(counter % #kinds) + 1]
  local grid = grids[(counter % #grids) + 1]
  local body = string.format(
    '{"kind":"%s","category_code":"%s","region_code":"%s","source":"hotline","title":"%s 第%s-%d号","description":"压测录入:%s,群众来电反映,请核实处置。"}',
    k[1], k[2], grid, k[3], thread_tag, counter, k[3])
  return wrk.format(nil, nil, nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%.2fms p95=%.2fms p99=%.2fms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
