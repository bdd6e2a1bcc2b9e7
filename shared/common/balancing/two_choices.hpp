#pragma once
// The power of two choices: of two instances drawn at random, the one with fewer calls
// in flight. Nearly as even as asking every instance, without the herd that "least
// loaded of all" sends to one instance between updates. Pure: randomness is injected.

#include <cstddef>
#include <optional>
#include <vector>

#include "common/resilience/random.hpp"

namespace shop::common::balancing {

struct Candidate {
  int in_flight = 0;
  bool available = true;  // false: its breaker refuses calls, or it was tried already
};

// The index of the chosen candidate; nullopt when none is available.
std::optional<std::size_t> pick_two_choices(const std::vector<Candidate>& candidates,
                                            const resilience::UniformRandom& random);

}  // namespace shop::common::balancing
