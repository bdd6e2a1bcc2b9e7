#pragma once
// One healthy instance of a service, as the registry lists it.

#include <cstdint>
#include <string>

namespace shop::common::discovery {

struct Instance {
  std::string id;
  std::string address;
  std::uint16_t grpc_port = 0;
  std::uint16_t http_port = 0;  // 0 when the registration named none

  bool operator==(const Instance&) const = default;
};

}  // namespace shop::common::discovery
