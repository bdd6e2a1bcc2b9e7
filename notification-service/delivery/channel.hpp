#pragma once
// One way of reaching people (email, Web Push, webhooks): makes one attempt at one
// delivery and says what it came to. The worker (delivery_worker.hpp) owns retries.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "repository/delivery_queue.hpp"

namespace shop::notification::delivery {

enum class Verdict {
  kDelivered,
  kRetry,       // a transient failure: the relay, push service or receiver may recover
  kGiveUp,      // it can never work (e.g. the recipient was refused)
  kTargetGone,  // the target asked us to stop (410): give up and forget the target
};

struct AttemptResult {
  Verdict verdict = Verdict::kRetry;
  int status_code = 0;  // HTTP status where there is one
  std::string error{};
  std::chrono::milliseconds duration{0};
};

inline AttemptResult retry(std::string why) {
  return AttemptResult{.verdict = Verdict::kRetry, .error = std::move(why)};
}

inline AttemptResult give_up(std::string why) {
  return AttemptResult{.verdict = Verdict::kGiveUp, .error = std::move(why)};
}

inline std::int64_t unix_seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class Channel {
 public:
  virtual ~Channel() = default;
  virtual std::string_view name() const = 0;
  virtual boost::asio::awaitable<AttemptResult> attempt(
      const repository::ClaimedDelivery& delivery) = 0;
  // Told once a delivery is final (sent, given up or gone), for what the channel keeps
  // about its targets: webhook health, dead push subscriptions.
  virtual boost::asio::awaitable<void> settled(const repository::ClaimedDelivery& delivery,
                                               Verdict verdict) = 0;
};

}  // namespace shop::notification::delivery
