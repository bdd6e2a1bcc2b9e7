#include "common/discovery/registration.hpp"

#include "common/observability/logger.hpp"

namespace shop::common::discovery {
namespace {

using boost::asio::awaitable;

// An outage should not flood the log: the first failure and then every tenth.
constexpr int kLogEveryNthFailure = 10;

std::string agent_text(const ConsulClient& client) {
  return client.agent().host + ":" + std::to_string(client.agent().port);
}

}  // namespace

std::shared_ptr<Registration> Registration::create(boost::asio::any_io_executor executor,
                                                   const ConsulSettings& settings,
                                                   const LocalService& service,
                                                   RegistrationTiming timing) {
  std::optional<ConsulClient> client;
  if (settings.enabled()) client = ConsulClient::from_settings(settings);
  return std::shared_ptr<Registration>(
      new Registration(std::move(executor), std::move(client),
                       describe(service, settings.advertise_address), timing));
}

Registration::Registration(boost::asio::any_io_executor executor,
                           std::optional<ConsulClient> client, RegistrationSpec spec,
                           RegistrationTiming timing)
    : client_(std::move(client)),
      spec_(std::move(spec)),
      retry_(timing.retry),
      refresh_interval_(timing.refresh_interval),
      loop_(std::move(executor), "consul registration") {}

void Registration::start() {
  if (!client_) return;
  loop_.start(keep_registered(shared_from_this()));
}

awaitable<void> Registration::keep_registered(std::shared_ptr<Registration> self) {
  while (!self->loop_.stopping()) {
    if (!self->registered_) co_await self->register_until_acknowledged();
    const bool waited = co_await self->loop_.pause(self->refresh_interval_);
    if (!waited) break;
    co_await self->confirm_still_registered();
  }
}

awaitable<void> Registration::register_until_acknowledged() {
  for (int failures = 0; !loop_.stopping(); ++failures) {
    auto attempt = client_->register_service(spec_);
    auto done = co_await loop_.unless_stopped(std::move(attempt));
    if (!done) co_return;
    if (*done) {
      registered_ = true;
      obs::info(
          "registered with consul",
          {{"service_id", spec_.id}, {"agent", agent_text(*client_)}, {"attempts", failures + 1}});
      co_return;
    }
    if (failures % kLogEveryNthFailure == 0) {
      obs::warn("consul registration failed; retrying in the background",
                {{"service_id", spec_.id},
                 {"agent", agent_text(*client_)},
                 {"error", done->error().detail},
                 {"consecutive_failures", failures + 1}});
    }
    const bool waited = co_await loop_.pause(retry_.delay(failures));
    if (!waited) co_return;
  }
}

awaitable<void> Registration::confirm_still_registered() {
  auto lookup = client_->has_service(spec_.id);
  auto present = co_await loop_.unless_stopped(std::move(lookup));
  // Unreachable: nothing to learn; the next look (or the agent's return) will tell.
  if (!present || !*present || **present) co_return;
  obs::warn("consul no longer knows this instance; registering it again",
            {{"service_id", spec_.id}, {"agent", agent_text(*client_)}});
  registered_ = false;
}

awaitable<void> Registration::deregister() {
  if (!client_ || deregistered_) co_return;
  co_await loop_.stop();
  auto removed = co_await client_->deregister_service(spec_.id);
  registered_ = false;
  deregistered_ = removed.has_value();
  if (!removed) {
    obs::warn("consul deregistration failed; the agent's health check will drop the instance",
              {{"service_id", spec_.id}, {"error", removed.error().detail}});
    co_return;
  }
  obs::info("deregistered from consul", {{"service_id", spec_.id}});
}

}  // namespace shop::common::discovery
