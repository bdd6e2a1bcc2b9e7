#pragma once
// api-gateway settings, read once from the environment (see README for each).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/config/env_reader.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/http/cors.hpp"
#include "upstreams.hpp"

namespace shop::gateway {

struct Config {
  std::string bind_address;
  std::uint16_t port;
  std::int64_t max_body_bytes;
  std::int64_t max_header_bytes;  // request line and headers together
  std::chrono::milliseconds upstream_timeout;
  // For the extra calls that enrich an answer; short, since the answer stands without them.
  std::chrono::milliseconds aggregation_timeout;
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core
  std::vector<UpstreamConfig> upstreams;
  // When on, each upstream's instances are the healthy ones the registry lists.
  common::discovery::ConsulSettings discovery;
  common::http::CorsSettings cors;

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::gateway
