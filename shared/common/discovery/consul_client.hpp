#pragma once
// The few calls of Consul's HTTP API that discovery needs, made to the local agent
// with the project's async HTTP client: every call is bounded by a timeout, and a
// failure (agent down, non-2xx answer) is a Result error, never an exception.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/discovery/consul_settings.hpp"
#include "common/discovery/instance.hpp"
#include "common/discovery/registration_spec.hpp"
#include "common/errors.hpp"
#include "common/http/client.hpp"

namespace shop::common::discovery {

struct HealthyInstances {
  std::vector<Instance> instances;     // sorted by id
  std::optional<std::uint64_t> index;  // X-Consul-Index; nullopt when missing or malformed
};

class ConsulClient {
 public:
  ConsulClient(http::Endpoint agent, std::string token, std::chrono::milliseconds timeout);
  // Requires settings.enabled().
  static ConsulClient from_settings(const ConsulSettings& settings);

  // PUT /v1/agent/service/register; registering an id again replaces its entry.
  boost::asio::awaitable<Result<void>> register_service(const RegistrationSpec& spec) const;
  // PUT /v1/agent/service/deregister/<id>; an id the agent does not know is no error.
  boost::asio::awaitable<Result<void>> deregister_service(std::string_view id) const;
  // GET /v1/agent/service/<id>: whether the agent still holds the registration (one
  // restarted without its state has forgotten it).
  boost::asio::awaitable<Result<bool>> has_service(std::string_view id) const;
  // GET /v1/health/service/<name>?passing=true. With index > 0 the agent holds the
  // answer until the list changes or `wait` (plus Consul's jitter of wait/16) passes.
  boost::asio::awaitable<Result<HealthyInstances>> healthy_instances(
      std::string_view name, std::uint64_t index, std::chrono::seconds wait) const;

  const http::Endpoint& agent() const { return agent_; }

 private:
  // Views only, copied into the request before the first suspension: no class-type
  // temporaries in callers' co_await expressions (GCC 12 destroys those twice).
  boost::asio::awaitable<Result<http::Response>> call(http::Verb verb, std::string_view target,
                                                      std::string_view body,
                                                      std::chrono::milliseconds timeout) const;

  http::Endpoint agent_;
  std::string token_;
  std::chrono::milliseconds timeout_;
};

}  // namespace shop::common::discovery
