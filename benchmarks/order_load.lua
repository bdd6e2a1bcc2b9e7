-- wrk script: every request places a new order (a fresh Idempotency-Key) for one unit of
-- one product, as one of several customers in turn.
--   wrk -s benchmarks/order_load.lua <gateway>/api/v1/orders -- <run id> <product id> <token,token,...>
local run_id, body
local tokens = {}
local next_thread = 0

function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  run_id = args[1]
  for token in string.gmatch(args[3], "[^,]+") do
    tokens[#tokens + 1] = token
  end
  body = string.format(
    '{"items":[{"product_id":"%s","quantity":1}],' ..
      '"shipping_address":{"name":"Bench","line1":"1 Load Street","city":"Berlin",' ..
      '"postal_code":"10115","country":"DE"},' ..
      '"payment":{"card_number":"4242 4242 4242 4242","exp_month":12,"exp_year":2035,"cvc":"123"}}',
    args[2])
end

local sent = 0

function request()
  sent = sent + 1
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1],
    ["Idempotency-Key"] = string.format("bench-%s-%d-%d", run_id, thread_id, sent),
  }
  return wrk.format("POST", nil, headers, body)
end
