#pragma once
// Reads the rate limiter's counters back from the process registry, so tests can check
// what an action added to them.

#include <string>
#include <string_view>

#include "common/observability/metrics.hpp"

namespace shop::gateway::middleware::testing {

// The value of one series, e.g. counter_value(R"(x_total{class="read"})"); 0 if absent.
inline double counter_value(std::string_view series) {
  const std::string text = common::obs::Metrics::instance().render();
  std::string prefix = "\n";
  prefix.append(series).append(" ");
  const auto at = text.find(prefix);
  if (at == std::string::npos) return 0;
  return std::stod(text.substr(at + prefix.size()));
}

}  // namespace shop::gateway::middleware::testing
