#include "app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <map>

#include "aggregation/order_products.hpp"
#include "common/http/health.hpp"
#include "common/http/responses.hpp"
#include "common/http/server.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_runtime.hpp"
#include "middleware/rate_limit_settings.hpp"
#include "middleware/rate_limited.hpp"
#include "middleware/rate_limiter_factory.hpp"
#include "routing/openapi.hpp"
#include "routing/proxy_handler.hpp"

namespace shop::gateway {
namespace {

namespace asio = boost::asio;
namespace http = common::http;
constexpr std::chrono::milliseconds kHealthProbeTimeout{1000};
// New signing keys are published before they sign; this picks them up well ahead.
constexpr std::chrono::seconds kKeyRefreshPeriod{60};

// Up while any instance is: the pool sends calls only to instances that answer.
http::HealthChecks::Check probe(std::vector<http::Endpoint> endpoints) {
  return [endpoints = std::move(endpoints)]() -> asio::awaitable<bool> {
    for (const auto& endpoint : endpoints) {
      http::Request request{http::Verb::get, "/health", 11};
      auto response = co_await http::fetch(endpoint, std::move(request), kHealthProbeTimeout);
      if (response && response->result() == http::Status::ok) co_return true;
    }
    co_return false;
  };
}

}  // namespace

int run(const Config& config) {
  const auto rate_limits = middleware::RateLimitSettings::from_env();
  common::obs::init_logging("api-gateway", common::obs::parse_level(config.log_level));
  common::obs::init_tracing("api-gateway");
  common::runtime::ServiceRuntime runtime(static_cast<int>(config.io_threads));
  common::balancing::UpstreamSet pools;
  const auto upstreams = connect_upstreams(config.upstreams, pools);
  std::map<std::string, const Upstream*> by_name;
  auto health = std::make_shared<http::HealthChecks>();
  for (const auto& upstream : upstreams) {
    by_name[upstream.name] = &upstream;
    health->add(upstream.name, probe(upstream.health_endpoints));
  }
  auto authenticator = std::make_shared<common::identity::Authenticator>(
      by_name.at("user-service")->client, config.upstream_timeout);

  // Null when RATE_LIMIT_ENABLED=false.
  const auto rate_limiter = middleware::make_rate_limiter(rate_limits);

  const std::map<std::string, routing::Enricher> enrichers{
      {"/shop.order.v1.OrderService/GetOrder",
       aggregation::order_products(by_name.at("product-service")->client,
                                   config.aggregation_timeout)}};

  auto routes = routing::build_routes(service_bindings());
  http::Router router;
  const auto openapi = routing::openapi_document(routes);
  router.add(
      http::Verb::get, "/api/openapi.json",
      [openapi](const http::Request&, http::RequestContext&) -> asio::awaitable<http::Response> {
        co_return http::json_response(http::Status::ok, openapi);
      });
  for (auto& route : routes) {
    const auto verb = route.verb;
    auto path = route.path;
    const auto enricher = enrichers.find(route.grpc_method);
    routing::ProxyDeps deps{
        .upstream = by_name.at(route.upstream)->client,
        .authenticator = authenticator,
        .timeout = config.upstream_timeout,
        .enrich = enricher == enrichers.end() ? routing::Enricher{} : enricher->second};
    const auto route_class = middleware::classify(verb, path);
    auto proxy = routing::make_proxy_handler(std::move(route), std::move(deps));
    router.add(
        verb, std::move(path),
        middleware::with_rate_limit(std::move(proxy), rate_limiter, authenticator, route_class));
  }
  std::unique_ptr<http::Server> server;
  http::add_operational_routes(router, health, [&] { return server->draining(); });
  server = std::make_unique<http::Server>(
      runtime.io(),
      http::ServerConfig{.address = config.bind_address,
                         .port = config.port,
                         .max_body_bytes = static_cast<std::size_t>(config.max_body_bytes),
                         .max_header_bytes = static_cast<std::size_t>(config.max_header_bytes),
                         .cors = config.cors.allowed_origins.empty()
                                     ? nullptr
                                     : std::make_shared<const http::CorsPolicy>(config.cors)},
      std::move(router));

  auto start = [&]() -> asio::awaitable<common::Result<void>> {
    pools.start(runtime.io().get_executor(), config.discovery);
    asio::co_spawn(runtime.io(), authenticator->keep_keys_fresh(kKeyRefreshPeriod), asio::detached);
    server->start();
    common::obs::info("listening", {{"port", config.port}});
    co_return common::Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    co_await server->shutdown();
    co_await pools.stop();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

}  // namespace shop::gateway
