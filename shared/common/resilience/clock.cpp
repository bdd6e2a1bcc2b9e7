#include "common/resilience/clock.hpp"

namespace shop::common::resilience {

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace shop::common::resilience
