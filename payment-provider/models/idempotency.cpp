#include "models/idempotency.hpp"

namespace shop::payment::models {

RepeatVerdict judge_repeat(const KeyRecord& earlier, std::string_view fingerprint) {
  if (earlier.fingerprint != fingerprint) return RepeatVerdict::kReused;
  if (!earlier.answered || earlier.in_flight) return RepeatVerdict::kInFlight;
  return RepeatVerdict::kReplay;
}

}  // namespace shop::payment::models
