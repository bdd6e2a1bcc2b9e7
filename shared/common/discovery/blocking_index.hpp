#pragma once
// The rules for the X-Consul-Index of blocking queries, as Consul's documentation on
// blocking queries sets them out.

#include <cstdint>
#include <optional>
#include <string_view>

namespace shop::common::discovery {

// The header's value; nullopt when it is missing or not a number.
std::optional<std::uint64_t> parse_consul_index(std::string_view header);

// The index to send with the next query, given the one sent and the one returned:
// - none returned: 0, a plain (non-blocking) query that learns the index afresh;
// - lower than the one sent (the server's state was reset or restored): 0, the same;
// - 0 (never valid after a first answer; it would make every query return at once): 1;
// - otherwise the one returned.
std::uint64_t next_blocking_index(std::uint64_t sent, std::optional<std::uint64_t> returned);

}  // namespace shop::common::discovery
