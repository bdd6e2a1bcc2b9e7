#include "common/http/health.hpp"

#include <boost/json/object.hpp>

#include "common/http/responses.hpp"
#include "common/observability/metrics.hpp"

namespace shop::common::http {

void HealthChecks::add(std::string name, Check check) {
  checks_.emplace_back(std::move(name), std::move(check));
}

boost::asio::awaitable<Response> HealthChecks::report() const {
  boost::json::object results;
  std::size_t passing = 0;
  for (const auto& [name, check] : checks_) {
    const bool ok = co_await check();
    passing += ok ? 1 : 0;
    results[name] = ok ? "ok" : "down";
  }
  const bool all = passing == checks_.size();
  const char* status = all ? "ok" : (passing == 0 ? "down" : "degraded");
  co_return json_response(all ? Status::ok : Status::service_unavailable,
                          boost::json::object{{"status", status}, {"checks", std::move(results)}});
}

void add_operational_routes(Router& router, std::shared_ptr<const HealthChecks> checks,
                            std::function<bool()> draining) {
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
