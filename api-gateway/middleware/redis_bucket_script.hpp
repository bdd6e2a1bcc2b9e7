#pragma once
// The token bucket (token_bucket.hpp) applied atomically inside Redis by one Lua script,
// so every gateway replica spends from the same bucket without races. The bucket is a
// hash {units, at} whose TTL ends when it would be full again: a missing key is a full
// bucket, and idle clients leave nothing behind.
//
// The script is loaded once (SCRIPT LOAD) and run by its SHA1 (EVALSHA); a server that
// forgot it (restart, SCRIPT FLUSH) answers NOSCRIPT and gets the source again (EVAL).
// Thread-safe; each call uses the connection it is given.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "middleware/redis_connection.hpp"
#include "middleware/token_bucket.hpp"

namespace shop::gateway::middleware {

class RedisBucketScript {
 public:
  // Takes a token from `key` by the server's clock (TIME), or by `now_ms` when given:
  // the tests compare the script with take_token() that way. kUnavailable when the
  // connection fails, kInternal for an answer that is not the script's.
  common::Result<Decision> take(RedisConnection& connection, std::string_view key,
                                const BucketLimit& limit,
                                std::optional<std::int64_t> now_ms = std::nullopt);

 private:
  common::Result<std::string> sha(RedisConnection& connection);

  std::mutex mutex_;
  std::string sha_;  // empty until loaded
};

}  // namespace shop::gateway::middleware
