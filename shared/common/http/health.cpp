#include "common/http/health.hpp"

#include <boost/json/object.hpp>

#include "common/http/responses.hpp"
#include "common/observability/metrics.hpp"

namespace shop::common::http {

void HealthChecks::add(std::string name, Check check) {
  checks_.push_back({std::move(name), std::move(check), true});
}

void HealthChecks::add_optional(std::string name, Check check) {
  checks_.push_back({std::move(name), std::move(check), false});
}

boost::asio::awaitable<Response> HealthChecks::report() const {
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (last_ && (refreshing_ || now - last_->taken < max_age_)) co_return render(*last_);
    refreshing_ = true;
  }
  Snapshot snapshot;
  for (const auto& entry : checks_) {
    bool ok = false;
    try {
      ok = co_await entry.check();
    } catch (const std::exception&) {
      ok = false;  // a check that throws is a failing check, never a stuck refresh
    }
    snapshot.passing.push_back(ok);
  }
  snapshot.taken = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  last_ = snapshot;
  refreshing_ = false;
  co_return render(snapshot);
}

Response HealthChecks::render(const Snapshot& snapshot) const {
  boost::json::object results;
  std::size_t passing = 0;
  bool required_failing = false;
  for (std::size_t i = 0; i < checks_.size(); ++i) {
    passing += snapshot.passing[i] ? 1 : 0;
    required_failing |= checks_[i].required && !snapshot.passing[i];
    results[checks_[i].name] = snapshot.passing[i] ? "ok" : "down";
  }
  const bool all = passing == checks_.size();
  const char* status = all ? "ok" : (passing == 0 ? "down" : "degraded");
  return json_response(required_failing ? Status::service_unavailable : Status::ok,
                       boost::json::object{{"status", status}, {"checks", std::move(results)}});
}

void add_operational_routes(Router& router, const std::shared_ptr<const HealthChecks>& checks,
                            const std::function<bool()>& draining) {
  router.add(Verb::get, "/health",
             [checks](const Request&, RequestContext&) { return checks->report(); });
  router.add(
      Verb::get, "/ready",
      [checks, draining](const Request&, RequestContext&) -> boost::asio::awaitable<Response> {
        if (draining()) {
          co_return json_response(Status::service_unavailable,
                                  boost::json::object{{"status", "draining"}});
        }
        co_return co_await checks->report();
      });
  router.add(Verb::get, "/metrics",
             [](const Request&, RequestContext&) -> boost::asio::awaitable<Response> {
               Response response{Status::ok, 11};
               response.set(beast_http::field::content_type, "text/plain; version=0.0.4");
               response.body() = obs::Metrics::instance().render();
               response.prepare_payload();
               co_return response;
             });
}

}  // namespace shop::common::http
