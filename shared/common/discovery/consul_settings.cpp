#include "common/discovery/consul_settings.hpp"

#include <algorithm>

#include "common/text.hpp"

namespace shop::common::discovery {
namespace {

constexpr std::string_view kHttpScheme = "http://";
// Consul caps a blocking query at 10 minutes; a second is the finest wait it takes.
constexpr std::chrono::seconds kMinWatchWait{1};
constexpr std::chrono::seconds kMaxWatchWait{600};

}  // namespace

std::optional<http::Endpoint> parse_agent_address(std::string_view address) {
  if (address.starts_with(kHttpScheme)) address.remove_prefix(kHttpScheme.size());
  if (address.ends_with('/')) address.remove_suffix(1);
  if (address.find('/') != std::string_view::npos) return std::nullopt;
  return http::Endpoint::parse(address);
}

ConsulSettings ConsulSettings::from_env(config::EnvReader& env) {
  ConsulSettings settings;
  const std::string address = trim(env.string("CONSUL_HTTP_ADDR", ""));
  if (!address.empty()) {
    settings.agent = parse_agent_address(address);
    if (!settings.agent) {
      throw config::ConfigError(
          {"CONSUL_HTTP_ADDR: expected host:port or http://host:port (empty: no discovery), "
           "got '" +
           address + "'"});
    }
  }
  settings.token = env.string("CONSUL_HTTP_TOKEN", "");
  settings.request_timeout = env.millis("CONSUL_TIMEOUT_MS", settings.request_timeout);
  const auto wait = env.millis("CONSUL_WATCH_WAIT_MS", settings.watch_wait);
  settings.watch_wait = std::clamp(std::chrono::duration_cast<std::chrono::seconds>(wait),
                                   kMinWatchWait, kMaxWatchWait);
  settings.advertise_address = env.string("CONSUL_SERVICE_ADDRESS", "");
  return settings;
}

}  // namespace shop::common::discovery
