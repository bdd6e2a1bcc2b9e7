#include "common/discovery/health_entries.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>
#include <optional>

#include "common/json_values.hpp"

namespace shop::common::discovery {
namespace {

std::optional<std::uint16_t> port_in_range(std::int64_t value) {
  if (value <= 0 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

std::uint16_t port_from_text(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return 0;
  return port_in_range(value).value_or(0);
}

std::optional<Instance> instance_of(const boost::json::object& entry) {
  const auto& service = object_at(entry, "Service");
  Instance instance;
  instance.id = text(service, "ID");
  instance.address = text(service, "Address");
  if (instance.address.empty()) instance.address = text(object_at(entry, "Node"), "Address");
  const auto grpc_port = port_in_range(integer(service, "Port"));
  if (instance.id.empty() || instance.address.empty() || !grpc_port) return std::nullopt;
  instance.grpc_port = *grpc_port;
  instance.http_port = port_from_text(text(object_at(service, "Meta"), "http_port"));
  return instance;
}

}  // namespace

Result<std::vector<Instance>> parse_health_entries(std::string_view body) {
  boost::system::error_code ec;
  const auto document = boost::json::parse(body, ec);
  if (ec) return Error::internal("consul health answer is not JSON: " + ec.message());
  if (!document.is_array()) return Error::internal("consul health answer is not a JSON array");
  std::vector<Instance> instances;
  for (const auto& entry : document.as_array()) {
    if (!entry.is_object()) continue;
    if (auto instance = instance_of(entry.as_object())) instances.push_back(std::move(*instance));
  }
  std::sort(instances.begin(), instances.end(),
            [](const Instance& a, const Instance& b) { return a.id < b.id; });
  return instances;
}

}  // namespace shop::common::discovery
