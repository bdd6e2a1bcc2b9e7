#pragma once
// Idempotency-Key semantics for a key that an earlier request already holds.
//
// The first request with a key claims it and stores its final answer; a repeat with the
// same fingerprint gets that answer again, one with another fingerprint is refused, and
// one arriving while the first is still running is told to come back later. A 5xx
// answer is not stored (the key is let go, so a retry runs again), and neither is a
// validation failure found before the key was claimed.

#include <string>
#include <string_view>

namespace shop::payment::models {

// What an earlier request with the same key left behind.
struct KeyRecord {
  std::string fingerprint;
  bool answered = false;   // its final answer is stored
  bool in_flight = false;  // it has not finished (it may be delaying its answer)
};

enum class RepeatVerdict { kReplay, kInFlight, kReused };

RepeatVerdict judge_repeat(const KeyRecord& earlier, std::string_view fingerprint);

}  // namespace shop::payment::models
