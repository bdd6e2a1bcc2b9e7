#pragma once
// /health, /ready and /metrics: the operational routes every process serves.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/http/router.hpp"

namespace shop::common::http {

class HealthChecks {
 public:
  using Check = std::function<boost::asio::awaitable<bool>()>;

  void add(std::string name, Check check);
  // {"status": ok|degraded|down, "checks": {name: ok|down}}: 200 only when all pass.
  boost::asio::awaitable<Response> report() const;

 private:
  std::vector<std::pair<std::string, Check>> checks_;
};

// `draining` turns /ready red while the process shuts down, so balancers stop sending.
void add_operational_routes(Router& router, std::shared_ptr<const HealthChecks> checks,
                            std::function<bool()> draining);

}  // namespace shop::common::http
