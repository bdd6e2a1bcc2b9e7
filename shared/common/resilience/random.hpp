#pragma once
// Randomness is injected as a plain function so that jittered delays are
// reproducible in tests: pass a lambda returning fixed values.

#include <functional>

namespace shop::common::resilience {

// Returns a value uniformly distributed in [0, 1).
using UniformRandom = std::function<double()>;

// Thread-local Mersenne Twister seeded from std::random_device; cheap and lock-free.
double thread_local_uniform();

}  // namespace shop::common::resilience
