-- wrk script: POST the keyed evaluation endpoint with an API key, one of 1,024 users per request.
-- Usage: RULESTEAD_API_KEY=rsk_... wrk -t2 -c32 -d30s --latency -s evaluate.lua \
--          http://localhost:9080/api/v1/environments/staging/flags/bench_checkout/evaluate
local key = os.getenv("RULESTEAD_API_KEY")
local bodies = {}
for i = 0, 1023 do
  local plan = (i % 4 == 0) and "pro" or "free"
  bodies[i] = '{"targeting_key":"user-' .. (100000 + i * 7919) .. '","attributes":{"plan":"' .. plan .. '"}}'
end
local counter = 0

request = function()
  counter = (counter + 1) % 1024
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["X-API-Key"] = key}, bodies[counter])
end
