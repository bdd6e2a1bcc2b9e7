#include "common/balancing/upstream_set.hpp"

#include "common/observability/logger.hpp"
#include "common/text.hpp"

namespace shop::common::balancing {
namespace {

std::vector<InstanceAddress> addresses_of(const std::vector<discovery::Instance>& instances) {
  std::vector<InstanceAddress> addresses;
  addresses.reserve(instances.size());
  for (const auto& instance : instances) {
    addresses.push_back({instance.id, instance.address + ":" + std::to_string(instance.grpc_port)});
  }
  return addresses;
}

}  // namespace

Result<std::shared_ptr<InstancePool>> UpstreamSet::add(std::string name,
                                                       std::string_view addresses) {
  std::vector<InstanceAddress> instances;
  for (const auto& address : split(addresses, ',')) {
    auto trimmed = trim(address);
    if (!trimmed.empty()) instances.push_back({trimmed, trimmed});
  }
  if (instances.empty()) {
    return Error::bad_request(name + ": no address in \"" + std::string(addresses) + "\"");
  }
  auto pool = std::make_shared<InstancePool>(PoolConfig{.upstream = name}, instances);
  entries_.push_back({std::move(name), pool});
  return pool;
}

void UpstreamSet::start(const boost::asio::any_io_executor& executor,
                        const discovery::ConsulSettings& settings) {
  for (const auto& entry : entries_) {
    auto on_change = [pool = entry.pool, name = entry.name](const auto& instances) {
      obs::info("upstream instances changed",
                {{"upstream", name}, {"instances", static_cast<std::int64_t>(instances.size())}});
      pool->update(addresses_of(instances));
    };
    auto watcher = discovery::ServiceWatcher::create(executor, settings, entry.name, on_change);
    if (!watcher) return;  // discovery is off
    (*watcher)->start();
    watchers_.push_back(std::move(*watcher));
  }
}

boost::asio::awaitable<void> UpstreamSet::stop() {
  for (const auto& watcher : watchers_) co_await watcher->stop();
  watchers_.clear();
}

}  // namespace shop::common::balancing
