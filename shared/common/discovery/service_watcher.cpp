#include "common/discovery/service_watcher.hpp"

#include "common/discovery/blocking_index.hpp"
#include "common/observability/logger.hpp"

namespace shop::common::discovery {
namespace {

using boost::asio::awaitable;
using Clock = std::chrono::steady_clock;

// An outage should not flood the log: the first failure and then every tenth.
constexpr int kLogEveryNthFailure = 10;

std::chrono::milliseconds still_to_wait(Clock::time_point since, std::chrono::milliseconds floor) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since);
  return floor - elapsed;
}

}  // namespace

Result<std::shared_ptr<ServiceWatcher>> ServiceWatcher::create(
    boost::asio::any_io_executor executor, const ConsulSettings& settings, std::string service_name,
    Callback on_change, WatcherTiming timing) {
  if (!settings.enabled()) {
    return Error::unavailable("service discovery is off (CONSUL_HTTP_ADDR is empty)");
  }
  return std::shared_ptr<ServiceWatcher>(new ServiceWatcher(
      std::move(executor), ConsulClient::from_settings(settings), std::move(service_name),
      std::move(on_change), timing, settings.watch_wait));
}

ServiceWatcher::ServiceWatcher(boost::asio::any_io_executor executor, ConsulClient client,
                               std::string service_name, Callback on_change, WatcherTiming timing,
                               std::chrono::seconds wait)
    : client_(std::move(client)),
      service_name_(std::move(service_name)),
      on_change_(std::move(on_change)),
      retry_(timing.retry),
      min_query_interval_(timing.min_query_interval),
      wait_(wait),
      loop_(std::move(executor), "consul watch " + service_name_) {}

void ServiceWatcher::start() { loop_.start(watch(shared_from_this())); }

awaitable<void> ServiceWatcher::stop() { co_await loop_.stop(); }

std::vector<Instance> ServiceWatcher::snapshot() const {
  const std::lock_guard lock(mutex_);
  return instances_;
}

awaitable<void> ServiceWatcher::watch(std::shared_ptr<ServiceWatcher> self) {
  std::uint64_t index = 0;
  int consecutive_failures = 0;
  while (!self->loop_.stopping()) {
    const auto sent_at = Clock::now();
    auto query = self->client_.healthy_instances(self->service_name_, index, self->wait_);
    auto answer = co_await self->loop_.unless_stopped(std::move(query));
    if (!answer) break;
    if (!*answer) {
      ++self->failures_;
      self->log_failure(answer->error(), consecutive_failures);
      // Start afresh once the agent is back: it may be another one, or restarted, and
      // a plain query learns its current state at once instead of after a long wait.
      index = 0;
      const bool waited = co_await self->loop_.pause(self->retry_.delay(consecutive_failures++));
      if (!waited) break;
      continue;
    }
    if (consecutive_failures > 0) {
      obs::info("consul watch recovered", {{"watched_service", self->service_name_},
                                           {"after_failures", consecutive_failures}});
    }
    consecutive_failures = 0;
    index = next_blocking_index(index, (*answer)->index);
    self->publish((*answer)->instances);
    const auto rest = still_to_wait(sent_at, self->min_query_interval_);
    if (rest > std::chrono::milliseconds::zero()) {
      const bool waited = co_await self->loop_.pause(rest);
      if (!waited) break;
    }
  }
}

void ServiceWatcher::publish(const std::vector<Instance>& instances) {
  {
    const std::lock_guard lock(mutex_);
    if (synced_ && instances == instances_) return;
    instances_ = instances;
    synced_ = true;
  }
  if (on_change_) on_change_(instances);
}

void ServiceWatcher::log_failure(const Error& error, int consecutive) const {
  if (consecutive % kLogEveryNthFailure != 0) return;
  obs::warn("consul watch failed; keeping the last list and retrying",
            {{"watched_service", service_name_},
             {"error", error.detail},
             {"consecutive_failures", consecutive + 1}});
}

}  // namespace shop::common::discovery
