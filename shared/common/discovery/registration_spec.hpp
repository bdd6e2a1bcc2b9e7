#pragma once
// What a service instance tells the registry about itself: the body of Consul's
// PUT /v1/agent/service/register, built from the service's own settings.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace shop::common::discovery {

// Where a service listens, as its config says.
struct LocalService {
  std::string name;  // e.g. "user-service"
  std::string bind_address;
  std::uint16_t grpc_port = 0;
  std::uint16_t http_port = 0;
};

struct RegistrationSpec {
  std::string name;
  std::string id;  // "<name>-<address>-<grpc port>": unique per instance, stable across restarts
  std::string address;  // what others (and the agent's health check) connect to
  std::uint16_t grpc_port = 0;
  std::uint16_t http_port = 0;

  bool operator==(const RegistrationSpec&) const = default;
};

// The address to register: `advertise_address` when set, else the bind address, and
// loopback for a wildcard bind address (0.0.0.0, ::), which nobody can connect to.
std::string advertised_address(std::string_view bind_address, std::string_view advertise_address);

RegistrationSpec describe(const LocalService& service, std::string_view advertise_address);

// http://<address>:<http port>/health, the IPv6 address in brackets.
std::string health_check_url(std::string_view address, std::uint16_t http_port);

// {ID, Name, Address, Port (gRPC), Meta {http_port}, Check {HTTP /health every 1s,
// timeout 1s, deregistered after 30s critical}}: the agent probes the instance itself,
// so one that dies unannounced leaves the passing list within a second or two.
boost::json::object registration_body(const RegistrationSpec& spec);

}  // namespace shop::common::discovery
