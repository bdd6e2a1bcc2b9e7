#include "common/resilience/random.hpp"

#include <random>

namespace shop::common::resilience {

double thread_local_uniform() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  thread_local std::uniform_real_distribution<double> distribution(0.0, 1.0);
  return distribution(engine);
}

}  // namespace shop::common::resilience
