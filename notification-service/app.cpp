#include "app.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/thread_pool.hpp>

#include <iostream>

#include "api/grpc_service.hpp"
#include "common/balancing/upstream_set.hpp"
#include "common/db/migrations.hpp"
#include "common/discovery/registration.hpp"
#include "common/http/health.hpp"
#include "common/mq/consumer.hpp"
#include "common/mq/inbox.hpp"
#include "common/mq/publisher.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/service_endpoints.hpp"
#include "common/runtime/service_runtime.hpp"
#include "delivery/delivery_worker.hpp"
#include "delivery/email_channel.hpp"
#include "delivery/push_channel.hpp"
#include "delivery/webhook_channel.hpp"
#include "events/event_archive.hpp"
#include "events/event_planner.hpp"
#include "repository/vapid_keys.hpp"

namespace shop::notification {
namespace {

namespace asio = boost::asio;
using common::Result;

constexpr const char* kServiceName = "notification-service";
constexpr std::chrono::seconds kKeyRefreshPeriod{60};
// Identifies this service's migration lock among all advisory locks in the cluster.
constexpr std::int64_t kMigrationLockKey = 0x4e4f5449;  // "NOTI"
// Outbound attempts block a thread each (libcurl): SMTP, webhook and push together.
constexpr int kBlockingThreads = 16;

std::shared_ptr<email::MailSender> mail_sender(const Config& config) {
  return std::make_shared<email::SmtpSenderImpl>(
      email::SmtpSettings{.host = config.smtp_host,
                          .port = config.smtp_port,
                          .username = config.smtp_username,
                          .password = config.smtp_password,
                          .starttls = config.smtp_starttls});
}

// VAPID_PRIVATE_KEY when set; else the key the first replica stored.
asio::awaitable<Result<push::VapidKey>> vapid_key(const Config& config, common::db::Pool& pool) {
  if (!config.vapid_private_key.empty())
    co_return push::VapidKey::from_private_key(config.vapid_private_key);
  auto candidate = push::VapidKey::generate();
  if (!candidate) co_return candidate.error();
  auto encoded = candidate->private_key_base64url();
  if (!encoded) co_return encoded.error();
  auto stored = co_await repository::load_or_store_vapid_key(pool, *encoded);
  if (!stored) co_return stored.error();
  co_return push::VapidKey::from_private_key(*stored);
}

Result<std::shared_ptr<common::mq::Consumer>> consumer(const Config& config,
                                                       asio::any_io_executor executor,
                                                       std::string_view queue,
                                                       std::vector<std::string> bindings,
                                                       common::mq::EventHandler handler) {
  return common::mq::Consumer::create(
      std::move(executor),
      config.mq.consumer(kServiceName, std::string(queue), std::move(bindings)),
      std::move(handler));
}

}  // namespace

int run(const Config& config) {
  common::obs::init_logging(kServiceName, common::obs::parse_level(config.log_level));
  common::obs::init_tracing(kServiceName);
  common::runtime::ServiceRuntime runtime(static_cast<int>(config.io_threads));
  auto executor = runtime.io().get_executor();
  auto pool = common::db::Pool::create(
      executor,
      {.conninfo = config.database_url, .size = static_cast<std::size_t>(config.db_pool_size)});
  auto blocking = std::make_shared<asio::thread_pool>(kBlockingThreads);

  auto planner = consumer(config, executor, events::kPlannerQueue, events::planner_bindings(),
                          common::mq::with_inbox(pool, std::string(events::kPlannerQueue),
                                                 events::make_event_planner()));
  auto archiver =
      consumer(config, executor, events::kArchiveQueue, {"#"}, events::make_event_archiver(pool));
  if (!planner || !archiver) {
    std::cerr << "notification-service: " << (planner ? archiver.error() : planner.error()).detail
              << '\n';
    return 2;
  }

  common::balancing::UpstreamSet upstreams;
  auto users = upstreams.add("user-service", config.user_service_grpc_address);
  if (!users) {
    std::cerr << "notification-service: " << users.error().detail << '\n';
    return 2;
  }
  auto deps = std::make_shared<api::Deps>();
  deps->pool = pool;
  deps->subscriptions = std::make_shared<repository::SubscriptionStore>(pool);
  deps->authenticator =
      std::make_shared<common::identity::Authenticator>(*users, config.upstream_timeout);
  deps->publisher = common::mq::Publisher::create(executor, config.mq.publisher(kServiceName));
  deps->blocking = blocking;
  deps->allow_private_targets = config.webhook_allow_private;

  auto health = std::make_shared<common::http::HealthChecks>();
  health->add("postgres", [pool] { return pool->ping(); });
  // Deliveries wait in the database while the broker is away: degraded, not down.
  health->add_optional("rabbitmq", [consumer = *planner]() -> asio::awaitable<bool> {
    co_return consumer->connected();
  });
  api::NotificationGrpcService grpc_service(executor, deps);
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
    auto vapid = co_await vapid_key(config, *pool);
    if (!vapid) co_return vapid.error();
    deps->vapid_public_key = vapid->public_key_base64url();
    asio::co_spawn(runtime.io(), deps->authenticator->keep_keys_fresh(kKeyRefreshPeriod),
                   asio::detached);

    const delivery::OutboundSettings outbound{
        .allow_private_targets = config.webhook_allow_private,
        .timeouts = {.total = config.outbound_timeout, .connect = config.outbound_timeout}};
    auto targets = std::make_shared<repository::ChannelTargets>(pool);
    const std::vector<std::shared_ptr<delivery::Channel>> channels{
        std::make_shared<delivery::EmailChannel>(
            mail_sender(config), blocking,
            email::MailAddress{config.mail_from_address, config.mail_from_name}),
        std::make_shared<delivery::PushChannel>(targets, blocking, *vapid, config.vapid_subject,
                                                outbound),
        std::make_shared<delivery::WebhookChannel>(targets, blocking, outbound)};
    const delivery::WorkerSettings worker{
        .poll_interval = config.poll_interval,
        .retry = {.base = config.retry_base,
                  .cap = config.retry_cap,
                  .max_attempts = static_cast<int>(config.max_attempts)}};
    auto queue = std::make_shared<repository::DeliveryQueue>(pool);
    for (const auto& channel : channels) {
      for (std::int64_t i = 0; i < config.workers_per_channel; ++i) {
        asio::co_spawn(runtime.io(), delivery::run_delivery_worker(queue, channel, worker),
                       asio::detached);
      }
    }
    (*planner)->start();
    (*archiver)->start();
    upstreams.start(executor, config.discovery);
    endpoints.start({&grpc_service});
    registration->start();
    co_return Result<void>{};
  };
  auto stop = [&]() -> asio::awaitable<void> {
    co_await registration->deregister();
    co_await endpoints.shutdown();
    co_await upstreams.stop();
    co_await (*planner)->stop();
    co_await (*archiver)->stop();
    common::obs::shutdown_tracing();
  };
  return runtime.run(start, stop);
}

}  // namespace shop::notification
