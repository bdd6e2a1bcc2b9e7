#include "common/discovery/blocking_index.hpp"

#include <charconv>

namespace shop::common::discovery {

std::optional<std::uint64_t> parse_consul_index(std::string_view header) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(header.data(), header.data() + header.size(), value);
  if (header.empty() || ec != std::errc{} || end != header.data() + header.size()) {
    return std::nullopt;
  }
  return value;
}

std::uint64_t next_blocking_index(std::uint64_t sent, std::optional<std::uint64_t> returned) {
  if (!returned || *returned < sent) return 0;
  if (*returned == 0) return 1;
  return *returned;
}

}  // namespace shop::common::discovery
