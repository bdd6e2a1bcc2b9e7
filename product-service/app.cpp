#include "app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <iostream>

#include "api/grpc_service.hpp"
#include "common/balancing/upstream_set.hpp"
#include "common/db/migrations.hpp"
#include "common/discovery/registration.hpp"
#include "common/http/health.hpp"
#include "common/mq/consumer.hpp"
#include "common/mq/outbox_relay.hpp"
#include "common/mq/publisher.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_endpoints.hpp"
#include "common/runtime/service_runtime.hpp"
#include "jobs/reservation_sweeper.hpp"
#include "jobs/search_indexer.hpp"
#include "jobs/search_rebuild.hpp"
#include "repository/outbox_adapter.hpp"
#include "repository/pg_repositories.hpp"
#include "search_wiring.hpp"

namespace shop::product {
namespace {

namespace asio = boost::asio;
using common::Result;

// Identifies this service's migration lock among all advisory locks in the cluster.
constexpr std::int64_t kMigrationLockKey = 0x50524f44;  // "PROD"
constexpr std::chrono::seconds kKeyRefreshPeriod{60};
constexpr const char* kServiceName = "product-service";

std::shared_ptr<common::db::Pool> open_pool(asio::any_io_executor executor, const Config& config) {
  return common::db::Pool::create(
      std::move(executor),
      {.conninfo = config.database_url, .size = static_cast<std::size_t>(config.db_pool_size)});
}

// Creates the index if need be. The indexer starts at once all the same, so its queue
// exists before the first event is published (an event finding no queue is dropped);
// events it takes before the index is ready come back through delayed retries.
asio::awaitable<void> prepare_index(std::shared_ptr<search::SearchIndex> index) {
  // By reference into co_await: GCC 12 miscompiles class-type temporaries there.
  const bool ready = co_await prepare_search_index(*index);
  if (!ready) common::obs::info("stopped before the search index was ready");
}

}  // namespace

int run(const Config& config) {
  common::obs::init_logging(kServiceName, common::obs::parse_level(config.log_level));
  common::obs::init_tracing(kServiceName);
  common::runtime::ServiceRuntime runtime(static_cast<int>(config.io_threads));
  auto executor = runtime.io().get_executor();
  auto pool = open_pool(executor, config);
  auto search_index = open_search_index(executor, config);
  if (!search_index) {
    std::cerr << "product-service: " << search_index.error().detail << '\n';
    return 2;
  }
  auto outbox = repository::make_event_outbox();
  common::balancing::UpstreamSet upstreams;
  auto users = upstreams.add("user-service", config.user_service_grpc_address);
  if (!users) {
    std::cerr << "product-service: " << users.error().detail << '\n';
    return 2;
  }
  auto deps = std::make_shared<api::Deps>();
  deps->catalog = std::make_shared<repository::PgCatalogRepository>(pool, outbox);
  deps->inventory = std::make_shared<repository::PgInventoryRepository>(pool, outbox);
  deps->search = *search_index;
  deps->authenticator =
      std::make_shared<common::identity::Authenticator>(*users, config.upstream_timeout);
  deps->default_reservation_ttl = std::chrono::seconds(config.reservation_ttl_seconds);

  auto publisher = common::mq::Publisher::create(executor, config.mq.publisher(kServiceName));
  auto relay = common::mq::OutboxRelay::create(executor, pool, publisher,
                                               config.mq.relay(config.database_url));
  std::shared_ptr<common::mq::Consumer> indexer;
  if (deps->search) {
    auto consumer = common::mq::Consumer::create(
        executor,
        config.mq.consumer(kServiceName, jobs::kSearchIndexQueue, jobs::kSearchIndexBindings),
        jobs::make_search_indexer(std::make_shared<repository::SearchDocuments>(pool),
                                  deps->search));
    if (!consumer) {
      std::cerr << "product-service: " << consumer.error().detail << '\n';
      return 2;
    }
    indexer = *consumer;
  }

  auto health = std::make_shared<common::http::HealthChecks>();
  health->add("postgres", [pool] { return pool->ping(); });
  // The publisher connects on its first event; the indexer holds its connection open,
  // so while it runs it is the one that knows whether the broker is there.
  health->add_optional("rabbitmq", [publisher, indexer]() -> asio::awaitable<bool> {
    co_return indexer ? indexer->connected() : publisher->connected();
  });
  api::ProductGrpcService grpc_service(executor, deps);
  // Declared after the service: the server goes first.
  common::runtime::ServiceEndpoints endpoints(
      runtime.io(), {config.bind_address, config.http_port, config.grpc_port}, health);
  // Listed in Consul once the endpoints listen; a Consul outage never holds up the start.
  auto registration = common::discovery::Registration::create(
      runtime.io().get_executor(), config.discovery,
      {kServiceName, config.bind_address, config.grpc_port, config.http_port});

  auto start = [&]() -> asio::awaitable<Result<void>> {
    const auto migrations = common::db::embedded_migrations();
    auto migrated = co_await common::db::apply_migrations(*pool, migrations, kMigrationLockKey);
    if (!migrated) co_return migrated.error();
    asio::co_spawn(runtime.io(), deps->authenticator->keep_keys_fresh(kKeyRefreshPeriod),
                   asio::detached);
    asio::co_spawn(
        runtime.io(),
        jobs::sweep_expired_reservations(deps->inventory, config.reservation_sweep_interval),
        asio::detached);
    relay->start();
    if (deps->search) {
      indexer->start();
      auto preparing = prepare_index(deps->search);
      asio::co_spawn(runtime.io(), std::move(preparing), asio::detached);
    }

    upstreams.start(executor, config.discovery);
    endpoints.start({&grpc_service});
    registration->start();
    co_return Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    co_await registration->deregister();
    co_await endpoints.shutdown();
    co_await upstreams.stop();
    if (indexer) co_await indexer->stop();
    co_await relay->stop();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

int reindex(const Config& config) {
  common::obs::init_logging(kServiceName, common::obs::parse_level(config.log_level));
  asio::io_context io;
  auto pool = open_pool(io.get_executor(), config);
  auto index = open_search_index(io.get_executor(), config);
  if (!index || !*index) {
    std::cerr << "product-service reindex: "
              << (index ? "SEARCH_URL is empty" : index.error().detail) << '\n';
    return 2;
  }
  repository::SearchDocuments documents(pool);
  auto done = asio::co_spawn(io, jobs::rebuild_search_index(documents, **index), asio::use_future);
  io.run();
  const auto report = done.get();
  if (!report) {
    std::cerr << "product-service reindex failed: " << report.error().detail << '\n';
    return 1;
  }
  std::cout << "search index rebuilt: " << report->summary.documents << " products in "
            << report->summary.index << ", " << report->caught_up
            << " changed during the load written again, " << report->summary.replaced.size()
            << " old index(es) deleted\n";
  return 0;
}

}  // namespace shop::product
