#include "common/discovery/registration_spec.hpp"

#include <array>

namespace shop::common::discovery {
namespace {

constexpr std::array<std::string_view, 4> kWildcards{"", "0.0.0.0", "::", "[::]"};
constexpr std::string_view kLoopback = "127.0.0.1";
constexpr std::string_view kCheckInterval = "1s";
constexpr std::string_view kCheckTimeout = "1s";
// Long enough to ride out a restart, short enough that a dead instance's entry goes.
constexpr std::string_view kDeregisterCriticalAfter = "30s";

bool is_wildcard(std::string_view address) {
  for (const auto wildcard : kWildcards) {
    if (address == wildcard) return true;
  }
  return false;
}

}  // namespace

std::string advertised_address(std::string_view bind_address, std::string_view advertise_address) {
  if (!advertise_address.empty()) return std::string(advertise_address);
  if (is_wildcard(bind_address)) return std::string(kLoopback);
  return std::string(bind_address);
}

RegistrationSpec describe(const LocalService& service, std::string_view advertise_address) {
  RegistrationSpec spec;
  spec.name = service.name;
  spec.address = advertised_address(service.bind_address, advertise_address);
  spec.id = service.name + "-" + spec.address + "-" + std::to_string(service.grpc_port);
  spec.grpc_port = service.grpc_port;
  spec.http_port = service.http_port;
  return spec;
}

std::string health_check_url(std::string_view address, std::uint16_t http_port) {
  // Appended piecewise: GCC 12 reports a false -Wrestrict for "[" + std::string.
  const bool ipv6 = address.find(':') != std::string_view::npos;
  std::string url = "http://";
  if (ipv6) url += '[';
  url += address;
  if (ipv6) url += ']';
  url += ':';
  url += std::to_string(http_port);
  url += "/health";
  return url;
}

boost::json::object registration_body(const RegistrationSpec& spec) {
  return {
      {"ID", spec.id},
      {"Name", spec.name},
      {"Address", spec.address},
      {"Port", spec.grpc_port},
      {"Meta", {{"http_port", std::to_string(spec.http_port)}}},
      {"Check",
       {{"HTTP", health_check_url(spec.address, spec.http_port)},
        {"Interval", kCheckInterval},
        {"Timeout", kCheckTimeout},
        {"DeregisterCriticalServiceAfter", kDeregisterCriticalAfter}}},
  };
}

}  // namespace shop::common::discovery
