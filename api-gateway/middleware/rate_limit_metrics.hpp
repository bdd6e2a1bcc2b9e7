#pragma once
// The rate limiter's metrics, registered on the process registry that /metrics serves:
//
//   shop_gateway_rate_limit_decisions_total{class,decision}  counter, decision: allowed|limited
//   shop_gateway_rate_limit_backend_errors_total             counter: Redis calls that failed
//   shop_gateway_rate_limit_fallback_decisions_total         counter: decided in-process
//                                                            because Redis could not answer

#include "middleware/route_class.hpp"

namespace shop::gateway::middleware {

void count_decision(RouteClass route_class, bool allowed);
void count_backend_error();
void count_fallback_decision();

}  // namespace shop::gateway::middleware
