#include "search/search_endpoint.hpp"

#include <charconv>

namespace shop::product::search {
namespace {

constexpr std::uint16_t kDefaultPort = 9200;

common::Error invalid(std::string_view url, std::string_view why) {
  return common::Error::bad_request("search URL \"" + std::string(url) + "\": " + std::string(why));
}

}  // namespace

common::Result<SearchEndpoint> parse_search_url(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) return invalid(url, "must start with http://");
  std::string_view authority = url.substr(kScheme.size());
  if (authority.ends_with('/')) authority.remove_suffix(1);
  if (authority.find_first_of("/?#@") != std::string_view::npos) {
    return invalid(url, "must name only host and port");
  }
  SearchEndpoint endpoint{std::string(authority), kDefaultPort};
  if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    const auto digits = authority.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (ec != std::errc{} || end != digits.data() + digits.size() || port == 0 || port > 65535) {
      return invalid(url, "port must be 1 to 65535");
    }
    endpoint = {std::string(authority.substr(0, colon)), static_cast<std::uint16_t>(port)};
  }
  if (endpoint.host.empty()) return invalid(url, "host is missing");
  return endpoint;
}

}  // namespace shop::product::search
