#pragma once
// What a consumer does with a message once its handler has answered: acknowledge it,
// send it round again after a delay, or move it to the dead-letter queue. Pure rules;
// the consumer carries them out.
//
// Delays double from `base` up to `cap` and carry no jitter: each distinct delay is a
// retry queue of its own on the broker (see topology.hpp), so the set must stay small
// and fixed. Retries spread out anyway because failures arrive spread out.

#include <chrono>
#include <string>
#include <vector>

namespace shop::common::mq {

// A handler's answer about one event.
enum class Outcome {
  kSuccess,     // done: acknowledge
  kRetryLater,  // a transient failure: try again after a delay, up to max_attempts
  kReject,      // can never succeed: straight to the dead-letter queue
};

struct RetryPolicy {
  // Deliveries in total, the first included; after the last failed one the message is
  // dead-lettered.
  int max_attempts = 5;
  std::chrono::milliseconds base{1000};
  std::chrono::milliseconds cap{60000};
};

// Raises settings out of range to the nearest usable ones: max_attempts >= 1,
// base >= 1 ms, cap >= base.
RetryPolicy normalised(RetryPolicy policy);

// The wait after failed attempt `attempt` (1-based): base * 2^(attempt-1), at most cap.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int attempt);

// Every delay the policy can ask for, ascending and without repeats: one retry queue each.
std::vector<std::chrono::milliseconds> retry_delays(const RetryPolicy& policy);

struct Disposition {
  enum class Kind { kAcknowledge, kRetry, kDeadLetter };
  Kind kind = Kind::kAcknowledge;
  std::chrono::milliseconds delay{0};  // kRetry only
  std::string reason;                  // kDeadLetter only, recorded on the message

  bool operator==(const Disposition&) const = default;
};

// `attempt` is the 1-based number of the delivery the handler just saw.
Disposition decide(const RetryPolicy& policy, Outcome outcome, int attempt);

// A message that could not even be read: dead-lettered without reaching a handler.
Disposition malformed(std::string problem);

}  // namespace shop::common::mq
