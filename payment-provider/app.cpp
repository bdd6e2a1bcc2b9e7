#include "app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "api/routes.hpp"
#include "common/auth/crypto_init.hpp"
#include "common/auth/sha256.hpp"
#include "common/db/migrations.hpp"
#include "common/db/pool.hpp"
#include "common/http/health.hpp"
#include "common/http/server.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_runtime.hpp"
#include "jobs/key_purge.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::payment {
namespace {

namespace asio = boost::asio;
using common::Result;

constexpr const char* kServiceName = "payment-provider";
// Identifies this service's migration lock among all advisory locks in the cluster.
constexpr std::int64_t kMigrationLockKey = 0x5041594d54;  // "PAYMT"
constexpr std::chrono::hours kKeyPurgeInterval{1};
// Beyond the slow card's delay, what a request may take at most (a few queries, each
// bounded by the pool's timeouts), so a live request never loses its key.
constexpr std::chrono::seconds kKeyLeaseMargin{60};

std::shared_ptr<api::Deps> make_deps(const Config& config,
                                     const std::shared_ptr<common::db::Pool>& pool) {
  auto deps = std::make_shared<api::Deps>();
  deps->payment_methods = std::make_shared<repository::PgPaymentMethodRepository>(pool);
  deps->charges = std::make_shared<repository::PgChargeRepository>(pool);
  deps->idempotency = std::make_shared<repository::PgIdempotencyRepository>(pool);
  deps->api_key = config.api_key;
  deps->account = common::auth::sha256_hex(config.api_key);
  deps->slow_answer_delay = config.slow_answer_delay;
  deps->key_lease = config.slow_answer_delay + kKeyLeaseMargin;
  return deps;
}

}  // namespace

int run(const Config& config) {
  common::obs::init_logging(kServiceName, common::obs::parse_level(config.log_level));
  common::obs::init_tracing(kServiceName);
  common::auth::init_crypto();
  common::runtime::ServiceRuntime runtime(static_cast<int>(config.io_threads));
  auto pool = common::db::Pool::create(
      runtime.io().get_executor(),
      {.conninfo = config.database_url, .size = static_cast<std::size_t>(config.db_pool_size)});
  const auto deps = make_deps(config, pool);
  auto health = std::make_shared<common::http::HealthChecks>();
  health->add("postgres", [pool] { return pool->ping(); });
  std::unique_ptr<common::http::Server> server;

  auto start = [&]() -> asio::awaitable<Result<void>> {
    const auto migrations = common::db::embedded_migrations();
    auto migrated = co_await common::db::apply_migrations(*pool, migrations, kMigrationLockKey);
    if (!migrated) co_return migrated.error();
    asio::co_spawn(runtime.io(), jobs::purge_expired_keys(deps->idempotency, kKeyPurgeInterval),
                   asio::detached);
    common::http::Router router;
    common::http::add_operational_routes(router, health, [&server] { return server->draining(); });
    api::add_api_routes(router, deps);
    server = std::make_unique<common::http::Server>(
        runtime.io(),
        common::http::ServerConfig{.address = config.bind_address, .port = config.port},
        std::move(router));
    const auto port = server->start();
    common::obs::info("listening", {{"http_port", port}});
    co_return Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    if (server) co_await server->shutdown();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

}  // namespace shop::payment
