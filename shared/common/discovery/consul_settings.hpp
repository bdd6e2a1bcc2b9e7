#pragma once
// How a service reaches its local Consul agent, read once from the environment (see
// README, Configuration). With CONSUL_HTTP_ADDR unset or empty, discovery is off: a
// service then neither registers nor watches, and callers use their static addresses.

#include <chrono>
#include <optional>
#include <string>

#include "common/config/env_reader.hpp"
#include "common/http/client.hpp"

namespace shop::common::discovery {

struct ConsulSettings {
  std::optional<http::Endpoint> agent;              // CONSUL_HTTP_ADDR
  std::string token;                                // CONSUL_HTTP_TOKEN (ACLs)
  std::chrono::milliseconds request_timeout{2000};  // CONSUL_TIMEOUT_MS
  std::chrono::seconds watch_wait{30};              // CONSUL_WATCH_WAIT_MS
  std::string advertise_address;                    // CONSUL_SERVICE_ADDRESS

  bool enabled() const { return agent.has_value(); }

  // Invalid durations become problems in `env` (env.throw_if_errors() reports them); a
  // malformed CONSUL_HTTP_ADDR throws config::ConfigError at once.
  static ConsulSettings from_env(config::EnvReader& env);
};

// "host:port" or "http://host:port[/]" (the forms Consul's own tools accept, TLS aside);
// nullopt when malformed.
std::optional<http::Endpoint> parse_agent_address(std::string_view address);

}  // namespace shop::common::discovery
