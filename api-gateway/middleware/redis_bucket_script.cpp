#include "middleware/redis_bucket_script.hpp"

#include <hiredis/hiredis.h>

#include <array>
#include <vector>

namespace shop::gateway::middleware {
namespace {

// The arithmetic of take_token(), in Lua numbers: every value stays an integer below
// 2^53, which doubles hold exactly; the division helpers correct the float quotient.
// The key expires by the bucket's own clock (PEXPIREAT), so a test's clock governs it too.
// KEYS[1]: the bucket. ARGV: capacity, tokens per period, period in ms[, now in ms].
// Returns {allowed (1 or 0), remaining, retry after ms, reset ms}.
constexpr std::string_view kScript = R"lua(
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local unit = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if not now then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local function floor_div(a, b)
  local q = math.floor(a / b)
  if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
  return q
end
local function ceil_div(a, b)
  return floor_div(a + b - 1, b)
end
local full = capacity * unit
local stored = redis.call('HMGET', KEYS[1], 'units', 'at')
local units = tonumber(stored[1])
local at = tonumber(stored[2])
if not units or not at then
  units = full
  at = now
end
if now > at then
  local elapsed = math.min(now - at, ceil_div(math.max(full - units, 0), per_ms))
  units = math.min(full, units + elapsed * per_ms)
  at = now
end
local allowed = 0
local retry_after = 0
if units >= unit then
  allowed = 1
  units = units - unit
else
  retry_after = ceil_div(unit - units, per_ms)
end
local reset = ceil_div(full - units, per_ms)
redis.call('HSET', KEYS[1], 'units', units, 'at', at)
redis.call('PEXPIREAT', KEYS[1], now + math.max(reset, 1))
return {allowed, floor_div(units, unit), retry_after, reset}
)lua";

constexpr std::string_view kNoScript = "NOSCRIPT";
constexpr std::size_t kReplyFields = 4;

common::Error unexpected(std::string_view what) {
  return common::Error::internal("rate limit script: " + std::string(what));
}

common::Result<Decision> decision_from(const redisReply& reply, const BucketLimit& limit) {
  if (const auto error = error_text(reply); !error.empty()) return unexpected(error);
  if (reply.type != REDIS_REPLY_ARRAY || reply.elements != kReplyFields) {
    return unexpected("the reply is not four integers");
  }
  std::array<long long, kReplyFields> values{};
  for (std::size_t i = 0; i < kReplyFields; ++i) {
    if (reply.element[i]->type != REDIS_REPLY_INTEGER) {
      return unexpected("the reply is not four integers");
    }
    values[i] = reply.element[i]->integer;
  }
  return Decision{.allowed = values[0] == 1,
                  .limit = limit.capacity,
                  .remaining = values[1],
                  .retry_after = std::chrono::milliseconds(values[2]),
                  .reset = std::chrono::milliseconds(values[3])};
}

}  // namespace

common::Result<std::string> RedisBucketScript::sha(RedisConnection& connection) {
  {
    std::lock_guard lock(mutex_);
    if (!sha_.empty()) return sha_;
  }
  const std::array<std::string_view, 3> load{"SCRIPT", "LOAD", kScript};
  auto reply = connection.command(load);
  if (!reply) return reply.error();
  if ((*reply)->type != REDIS_REPLY_STRING) return unexpected("SCRIPT LOAD gave no SHA1");
  std::lock_guard lock(mutex_);
  sha_.assign((*reply)->str, (*reply)->len);
  return sha_;
}

common::Result<Decision> RedisBucketScript::take(RedisConnection& connection, std::string_view key,
                                                 const BucketLimit& limit,
                                                 std::optional<std::int64_t> now_ms) {
  auto script_sha = sha(connection);
  if (!script_sha) return script_sha.error();
  const std::string capacity = std::to_string(limit.capacity);
  const std::string per_ms = std::to_string(limit.units_per_ms());
  const std::string unit = std::to_string(limit.units_per_token());
  const std::string now = now_ms ? std::to_string(*now_ms) : std::string();
  std::vector<std::string_view> args{"EVALSHA", *script_sha, "1", key, capacity, per_ms, unit};
  if (now_ms) args.push_back(now);
  auto reply = connection.command(args);
  if (!reply) return reply.error();
  if (error_text(**reply).starts_with(kNoScript)) {
    args[0] = "EVAL";
    args[1] = kScript;
    reply = connection.command(args);
    if (!reply) return reply.error();
  }
  return decision_from(**reply, limit);
}

}  // namespace shop::gateway::middleware
