#pragma once
// /health, /ready and /metrics: the operational routes every process serves.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/http/router.hpp"

namespace shop::common::http {

// Runs named dependency checks. Results are reused for `max_age`, and only one caller
// at a time refreshes them, so probes under load cost the dependencies nothing extra.
class HealthChecks {
 public:
  using Check = std::function<boost::asio::awaitable<bool>()>;

  explicit HealthChecks(std::chrono::milliseconds max_age = std::chrono::milliseconds(500))
      : max_age_(max_age) {}

  // A dependency the process cannot serve without.
  void add(std::string name, Check check);
  // One it serves around (the search server, the broker): failing, it makes the status
  // "degraded" and the answer stays 200.
  void add_optional(std::string name, Check check);
  // {"status": ok|degraded|down, "checks": {name: ok|down}}: 200 unless a required
  // check fails; "down" when every check fails.
  boost::asio::awaitable<Response> report() const;

 private:
  struct Snapshot {
    std::vector<bool> passing;
    std::chrono::steady_clock::time_point taken;
  };
  Response render(const Snapshot& snapshot) const;

  std::chrono::milliseconds max_age_;
  struct Entry {
    std::string name;
    Check check;
    bool required;
  };
  std::vector<Entry> checks_;
  mutable std::mutex mutex_;
  mutable std::optional<Snapshot> last_;
  mutable bool refreshing_ = false;
};

// `draining` turns /ready red while the process shuts down, so balancers stop sending.
void add_operational_routes(Router& router, const std::shared_ptr<const HealthChecks>& checks,
                            const std::function<bool()>& draining);

}  // namespace shop::common::http
