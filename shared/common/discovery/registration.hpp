#pragma once
// Keeps one service instance registered with the local Consul agent while it serves.
// start() returns at once: the registration happens in the background, retried with
// backoff while the agent is unreachable, so a service starts (and serves) with Consul
// down and appears in the registry once Consul is back. An agent restarted without its
// state forgets the instance; a periodic look notices and registers it again.
// deregister() takes it out on shutdown, before the endpoints close.
//
//   auto registration = Registration::create(executor, config.discovery,
//       {kServiceName, config.bind_address, config.grpc_port, config.http_port});
//   registration->start();             // after the endpoints listen
//   co_await registration->deregister();  // first thing in stop

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "common/discovery/background_loop.hpp"
#include "common/discovery/consul_client.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/discovery/registration_spec.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::discovery {

struct RegistrationTiming {
  // Between attempts while the agent is unreachable or refuses.
  resilience::BackoffConfig retry{.base = std::chrono::milliseconds(200),
                                  .cap = std::chrono::milliseconds(10'000)};
  // How often to check that the agent still holds the registration.
  std::chrono::milliseconds refresh_interval{10'000};
};

class Registration : public std::enable_shared_from_this<Registration> {
 public:
  // With discovery off (settings.enabled() false), start() and deregister() do nothing.
  static std::shared_ptr<Registration> create(boost::asio::any_io_executor executor,
                                              const ConsulSettings& settings,
                                              const LocalService& service,
                                              RegistrationTiming timing = {});
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

  void start();
  // Stops the background work for good, then removes the instance from the agent (a
  // failure is logged, not returned: the agent's check drops a dead instance anyway).
  boost::asio::awaitable<void> deregister();

  // Whether the agent has acknowledged the registration (and not forgotten it since).
  bool registered() const { return registered_; }
  const RegistrationSpec& spec() const { return spec_; }

 private:
  Registration(boost::asio::any_io_executor executor, std::optional<ConsulClient> client,
               RegistrationSpec spec, RegistrationTiming timing);

  static boost::asio::awaitable<void> keep_registered(std::shared_ptr<Registration> self);
  boost::asio::awaitable<void> register_until_acknowledged();
  boost::asio::awaitable<void> confirm_still_registered();

  std::optional<ConsulClient> client_;  // nullopt: discovery off
  RegistrationSpec spec_;
  resilience::Backoff retry_;
  std::chrono::milliseconds refresh_interval_;
  BackgroundLoop loop_;
  std::atomic<bool> registered_{false};
  std::atomic<bool> deregistered_{false};  // a second deregister() has nothing to do
};

}  // namespace shop::common::discovery
