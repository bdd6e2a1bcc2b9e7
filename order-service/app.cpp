#include "app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/url/parse.hpp>

#include <iostream>

#include "api/grpc_service.hpp"
#include "clients/grpc_stock_service.hpp"
#include "clients/http_payment_gateway.hpp"
#include "common/balancing/upstream_set.hpp"
#include "common/discovery/registration.hpp"
#include "common/http/health.hpp"
#include "common/mongo/database.hpp"
#include "common/mq/consumer.hpp"
#include "common/mq/publisher.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/metrics.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_endpoints.hpp"
#include "common/runtime/service_runtime.hpp"
#include "events/order_event_relay.hpp"
#include "repository/mongo_stores.hpp"
#include "saga/recovery_worker.hpp"
#include "saga/waitlist.hpp"

namespace shop::order {
namespace {

namespace asio = boost::asio;
using common::Result;

constexpr std::chrono::seconds kKeyRefreshPeriod{60};
constexpr const char* kServiceName = "order-service";

std::shared_ptr<common::resilience::CircuitBreaker> breaker_for(std::string upstream) {
  return std::make_shared<common::resilience::CircuitBreaker>(
      common::resilience::CircuitBreakerConfig{}, common::resilience::system_clock(),
      common::obs::Metrics::instance().breaker_listener(std::move(upstream)));
}

// "http://host:port" -> host:port
Result<common::http::Endpoint> provider_endpoint(const std::string& url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed || parsed->scheme() != "http" || !parsed->has_port()) {
    return common::Error::bad_request("PAYMENT_PROVIDER_URL must read http://host:port");
  }
  auto endpoint = common::http::Endpoint::parse(std::string(parsed->host()) + ":" +
                                                std::string(parsed->port()));
  if (!endpoint) return common::Error::bad_request("PAYMENT_PROVIDER_URL has no usable host:port");
  return *endpoint;
}

}  // namespace

int run(const Config& config) {
  common::obs::init_logging(kServiceName, common::obs::parse_level(config.log_level));
  common::obs::init_tracing(kServiceName);
  auto database =
      common::mongo::Database::create({.uri = config.mongo_url,
                                       .threads = static_cast<std::size_t>(config.mongo_threads),
                                       .timeout = config.mongo_timeout});
  auto endpoint = provider_endpoint(config.payment_provider_url);
  if (!database || !endpoint) {
    std::cerr << "order-service: " << (database ? endpoint.error() : database.error()).detail
              << '\n';
    return 2;
  }
  common::balancing::UpstreamSet upstreams;
  auto products = upstreams.add("product-service", config.product_service_grpc_address);
  auto users = upstreams.add("user-service", config.user_service_grpc_address);
  if (!products || !users) {
    std::cerr << "order-service: " << (products ? users.error() : products.error()).detail << '\n';
    return 2;
  }
  common::runtime::ServiceRuntime runtime(static_cast<int>(config.io_threads));
  auto executor = runtime.io().get_executor();

  auto deps = std::make_shared<api::Deps>();
  deps->orders = std::make_shared<repository::MongoOrderStore>(*database);
  deps->carts = std::make_shared<repository::MongoCartStore>(*database);
  deps->idempotency = std::make_shared<repository::MongoIdempotencyStore>(*database);
  deps->stock = std::make_shared<clients::GrpcStockService>(*products, config.upstream_timeout);
  deps->payments = std::make_shared<clients::HttpPaymentGateway>(
      clients::PaymentProviderConfig{*endpoint, config.payment_provider_api_key,
                                     config.payment_timeout},
      breaker_for("payment-provider"));
  deps->saga = std::make_shared<saga::SagaRunner>(
      saga::SagaDeps{.orders = deps->orders,
                     .stock = deps->stock,
                     .payments = deps->payments,
                     .payment_give_up = std::chrono::seconds(config.payment_give_up_seconds)});
  deps->authenticator =
      std::make_shared<common::identity::Authenticator>(*users, config.upstream_timeout);
  deps->saga_wait = config.saga_wait;

  auto publisher = common::mq::Publisher::create(executor, config.mq.publisher(kServiceName));
  auto waitlist = common::mq::Consumer::create(
      executor,
      config.mq.consumer(kServiceName, std::string(saga::kWaitlistQueue),
                         saga::waitlist_bindings()),
      saga::make_waitlist_handler(deps->saga, deps->orders));
  if (!waitlist) {
    std::cerr << "order-service: " << waitlist.error().detail << '\n';
    return 2;
  }

  auto health = std::make_shared<common::http::HealthChecks>();
  const auto db = *database;
  health->add("mongodb", [db]() -> asio::awaitable<bool> {
    auto pinged = co_await db->ping();
    co_return pinged.has_value();
  });
  // Order events wait in the order logs while the broker is away: degraded, not down.
  // The waitlist consumer holds its connection open: it knows whether the broker is there.
  health->add_optional("rabbitmq", [consumer = *waitlist]() -> asio::awaitable<bool> {
    co_return consumer->connected();
  });
  api::OrderGrpcService grpc_service(executor, deps);
  // Declared after the service: the server goes first.
  common::runtime::ServiceEndpoints endpoints(
      runtime.io(), {config.bind_address, config.http_port, config.grpc_port}, health);
  // Listed in Consul once the endpoints listen; a Consul outage never holds up the start.
  auto registration = common::discovery::Registration::create(
      runtime.io().get_executor(), config.discovery,
      {kServiceName, config.bind_address, config.grpc_port, config.http_port});

  auto start = [&]() -> asio::awaitable<Result<void>> {
    auto prepared = co_await repository::prepare_collections(*db);
    if (!prepared) co_return prepared.error();
    upstreams.start(executor, config.discovery);
    asio::co_spawn(runtime.io(), deps->authenticator->keep_keys_fresh(kKeyRefreshPeriod),
                   asio::detached);
    asio::co_spawn(runtime.io(),
                   saga::resume_stalled_sagas(deps->saga, deps->orders, config.recovery_interval),
                   asio::detached);
    asio::co_spawn(runtime.io(),
                   events::relay_order_events(deps->orders, publisher, config.event_relay_interval),
                   asio::detached);
    (*waitlist)->start();
    endpoints.start({&grpc_service});
    registration->start();
    co_return Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    co_await registration->deregister();
    co_await endpoints.shutdown();
    co_await upstreams.stop();
    co_await (*waitlist)->stop();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

}  // namespace shop::order
