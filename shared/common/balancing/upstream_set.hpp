#pragma once
// The services a process calls, each as an InstancePool: first the instances the
// configuration names ("host:port", or several joined by commas), then, once start()
// runs with discovery on, the healthy instances the local Consul agent lists, followed
// as they change. While the agent is unreachable a pool keeps what it had.
//
//   common::balancing::UpstreamSet upstreams;
//   auto users = upstreams.add("user-service", config.user_service_grpc_address);
//   ...
//   upstreams.start(executor, config.discovery);   // in the service's start
//   co_await upstreams.stop();                     // in its stop

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/balancing/instance_pool.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/discovery/service_watcher.hpp"
#include "common/errors.hpp"

namespace shop::common::balancing {

class UpstreamSet {
 public:
  // kBadRequest when `addresses` names no address.
  Result<std::shared_ptr<InstancePool>> add(std::string name, std::string_view addresses);

  // Follows the registry for every upstream added; nothing when discovery is off.
  void start(const boost::asio::any_io_executor& executor,
             const discovery::ConsulSettings& settings);
  boost::asio::awaitable<void> stop();

 private:
  struct Entry {
    std::string name;
    std::shared_ptr<InstancePool> pool;
  };
  std::vector<Entry> entries_;
  std::vector<std::shared_ptr<discovery::ServiceWatcher>> watchers_;
};

}  // namespace shop::common::balancing
