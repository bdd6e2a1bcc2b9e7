#include "middleware/rate_limit_metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <array>
#include <string>

#include "common/observability/metrics.hpp"

namespace shop::gateway::middleware {
namespace {

constexpr std::array kClasses{RouteClass::kAuth, RouteClass::kWrite, RouteClass::kRead};

struct Counters {
  // [class][allowed ? 0 : 1], resolved once: no label lookup per request.
  std::array<std::array<prometheus::Counter*, 2>, kClasses.size()> decisions{};
  prometheus::Counter* backend_errors = nullptr;
  prometheus::Counter* fallback_decisions = nullptr;
};

Counters make_counters() {
  auto& registry = common::obs::Metrics::instance().registry();
  Counters counters;
  auto& decisions = prometheus::BuildCounter()
                        .Name("shop_gateway_rate_limit_decisions_total")
                        .Help("Requests the rate limiter let through or refused, by route class")
                        .Register(registry);
  for (const auto route_class : kClasses) {
    const std::string label(to_string(route_class));
    auto& row = counters.decisions[static_cast<std::size_t>(route_class)];
    row[0] = &decisions.Add({{"class", label}, {"decision", "allowed"}});
    row[1] = &decisions.Add({{"class", label}, {"decision", "limited"}});
  }
  counters.backend_errors = &prometheus::BuildCounter()
                                 .Name("shop_gateway_rate_limit_backend_errors_total")
                                 .Help("Calls to the shared rate-limit store (Redis) that failed")
                                 .Register(registry)
                                 .Add({});
  counters.fallback_decisions =
      &prometheus::BuildCounter()
           .Name("shop_gateway_rate_limit_fallback_decisions_total")
           .Help("Rate-limit decisions taken in-process because Redis could not answer")
           .Register(registry)
           .Add({});
  return counters;
}

Counters& counters() {
  static Counters instance = make_counters();
  return instance;
}

}  // namespace

void count_decision(RouteClass route_class, bool allowed) {
  counters().decisions[static_cast<std::size_t>(route_class)][allowed ? 0 : 1]->Increment();
}

void count_backend_error() { counters().backend_errors->Increment(); }

void count_fallback_decision() { counters().fallback_decisions->Increment(); }

}  // namespace shop::gateway::middleware
