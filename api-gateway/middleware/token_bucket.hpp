#pragma once
// The token-bucket rule behind every rate limit, free of I/O and clocks: a bucket holds
// up to `capacity` tokens, gains `tokens_per_period` every `period`, and a request takes
// one. The caller passes the time, so tests drive it by hand and the Redis script
// (redis_bucket_script.cpp) can apply the same arithmetic with the server's clock.
//
// Tokens are counted in exact integers: one token is `period` (in ms) units and the
// bucket gains `tokens_per_period` units per ms, so 20 per minute never drifts by a
// rounding error.

#include <chrono>
#include <cstdint>

namespace shop::gateway::middleware {

struct BucketLimit {
  std::int64_t capacity = 1;           // the burst: tokens a full bucket holds
  std::int64_t tokens_per_period = 1;  // refill, >= 1
  std::chrono::milliseconds period{std::chrono::minutes(1)};

  // `n` per minute with a burst of `n`.
  static BucketLimit per_minute(std::int64_t n);

  std::int64_t units_per_token() const { return period.count(); }
  std::int64_t units_per_ms() const { return tokens_per_period; }
  std::int64_t capacity_units() const { return capacity * units_per_token(); }
  bool operator==(const BucketLimit&) const = default;
};

// What a bucket holds, in units (see above), as of `updated_ms`.
struct BucketState {
  std::int64_t units = 0;
  std::int64_t updated_ms = 0;

  static BucketState full(const BucketLimit& limit, std::int64_t now_ms);
  bool operator==(const BucketState&) const = default;
};

// The answer for one request, with what the RateLimit headers report.
struct Decision {
  bool allowed = true;
  std::int64_t limit = 0;                    // the bucket's capacity
  std::int64_t remaining = 0;                // whole tokens left after this request
  std::chrono::milliseconds retry_after{0};  // until one token is back; 0 when allowed
  std::chrono::milliseconds reset{0};        // until the bucket is full again
  bool operator==(const Decision&) const = default;
};

// Refills `state` for the time since it was last updated (time never runs backwards for
// it), then takes one token if a whole one is there.
Decision take_token(BucketState& state, const BucketLimit& limit, std::int64_t now_ms);

}  // namespace shop::gateway::middleware
