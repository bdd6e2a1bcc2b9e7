#include "app.hpp"

#include <boost/asio/thread_pool.hpp>

#include "api/grpc_service.hpp"
#include "cache/user_cache.hpp"
#include "common/auth/crypto_init.hpp"
#include "common/db/migrations.hpp"
#include "common/db/notification_listener.hpp"
#include "common/discovery/registration.hpp"
#include "common/http/health.hpp"
#include "common/mq/outbox_relay.hpp"
#include "common/mq/publisher.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_endpoints.hpp"
#include "common/runtime/service_runtime.hpp"
#include "models/validation.hpp"
#include "repository/cached_user_repository.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::user {
namespace {

namespace asio = boost::asio;
using common::Result;

constexpr const char* kServiceName = "user-service";
// Identifies this service's migration lock among all advisory locks in the cluster.
constexpr std::int64_t kMigrationLockKey = 0x5553455253;  // "USERS"

struct Keys {
  std::shared_ptr<const common::auth::SigningKey> active;
  std::shared_ptr<const common::auth::KeySet> public_keys;
};

asio::awaitable<Result<Keys>> load_keys(repository::KeyRepository& repository) {
  const auto candidate = common::auth::SigningKey::generate();
  const repository::StoredKey candidate_record{candidate.kid(), candidate.secret_key(), true};
  auto stored = co_await repository.load_or_create(candidate_record);
  if (!stored) co_return stored.error();
  auto public_keys = std::make_shared<common::auth::KeySet>();
  std::shared_ptr<const common::auth::SigningKey> active;
  for (const auto& key : *stored) {
    auto signing = common::auth::SigningKey::from_secret_key(key.secret_key);
    if (!signing)
      co_return common::Error::internal("stored signing key " + key.kid + " is invalid");
    public_keys->add(*signing);
    if (key.active) active = std::make_shared<const common::auth::SigningKey>(*signing);
  }
  if (!active) co_return common::Error::internal("no active signing key");
  co_return Keys{active, public_keys};
}

asio::awaitable<Result<void>> ensure_admin(const Config& config, const api::Deps& deps) {
  if (config.admin_email.empty() || config.admin_password.empty()) co_return Result<void>{};
  models::Registration admin{config.admin_email, config.admin_password, "Administrator"};
  if (auto errors = models::validate_registration(admin); !errors.empty()) {
    co_return common::Error::internal("SHOP_ADMIN_EMAIL/SHOP_ADMIN_PASSWORD: " +
                                      errors.front().field + " " + errors.front().message);
  }
  auto hash = common::auth::hash_password(admin.password, deps.password_params);
  if (!hash) co_return hash.error();
  const models::NewUser account{
      admin.email, admin.name, *hash, {models::kCustomerRole, models::kAdminRole}};
  co_return co_await deps.users->create_if_absent(account);
}

// Keeps `cache` in step with every replica's writes (see cache/user_cache.hpp).
std::unique_ptr<common::db::NotificationListener> user_change_listener(
    const Config& config, const std::shared_ptr<cache::UserCache>& cache) {
  common::db::ListenerCallbacks callbacks{
      .connected = [cache] { cache->enable(); },
      .notified = [cache](std::string_view user_id) { cache->invalidate(user_id); },
      .disconnected = [cache] { cache->disable(); }};
  return std::make_unique<common::db::NotificationListener>(
      config.database_url, std::string(cache::kUserChangedChannel), "user-service-cache",
      std::move(callbacks));
}

common::auth::PasswordParams password_params(const Config& config) {
  return config.password_hash_profile == "fast" ? common::auth::PasswordParams::fast()
                                                : common::auth::PasswordParams::interactive();
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
  auto deps = std::make_shared<api::Deps>();
  auto user_cache = std::make_shared<cache::UserCache>(
      cache::UserCacheSettings{static_cast<std::size_t>(config.user_cache_capacity),
                               std::chrono::seconds(config.user_cache_ttl_seconds)});
  const auto listener = user_change_listener(config, user_cache);
  deps->users = std::make_shared<repository::CachedUserRepository>(
      std::make_shared<repository::PgUserRepository>(pool), user_cache);
  deps->tokens = std::make_shared<repository::PgTokenRepository>(pool);
  deps->token_settings = {config.access_ttl_seconds, config.refresh_ttl_seconds, "shop"};
  deps->password_params = password_params(config);
  deps->hashing_pool = std::make_shared<asio::thread_pool>(2);

  // user.registered leaves through the outbox: a broker outage never fails a sign-up.
  auto publisher =
      common::mq::Publisher::create(runtime.io().get_executor(), config.mq.publisher(kServiceName));
  auto relay = common::mq::OutboxRelay::create(runtime.io().get_executor(), pool, publisher,
                                               config.mq.relay(config.database_url));

  auto health = std::make_shared<common::http::HealthChecks>();
  health->add("postgres", [pool] { return pool->ping(); });
  health->add_optional(
      "rabbitmq", [publisher]() -> asio::awaitable<bool> { co_return publisher->connected(); });
  std::unique_ptr<api::UserGrpcService> grpc_service;
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
    if (config.user_cache_capacity > 0) listener->start();
    relay->start();
    repository::PgKeyRepository key_repository(pool);
    auto keys = co_await load_keys(key_repository);
    if (!keys) co_return keys.error();
    deps->signing_key = keys->active;
    deps->public_keys = keys->public_keys;
    auto decoy = common::auth::hash_password("decoy-password-never-matches", deps->password_params);
    if (!decoy) co_return decoy.error();
    deps->decoy_password_hash = *decoy;
    if (auto admin = co_await ensure_admin(config, *deps); !admin) co_return admin.error();

    grpc_service = std::make_unique<api::UserGrpcService>(runtime.io().get_executor(), deps);
    endpoints.start({grpc_service.get()});
    registration->start();
    co_return Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    co_await registration->deregister();
    co_await endpoints.shutdown();
    listener->stop();
    co_await relay->stop();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

}  // namespace shop::user
