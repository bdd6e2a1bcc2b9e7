#include "webhook/target_guard.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/runtime/blocking.hpp"
#include "webhook/host_resolver.hpp"
#include "webhook/public_address.hpp"

namespace shop::notification::webhook {
namespace {

namespace urls = boost::urls;
using boost::asio::ip::address;

constexpr std::uint16_t kHttpPort = 80;
constexpr std::uint16_t kHttpsPort = 443;

common::Error refuse(std::string message) {
  return common::Error::validation({{"url", std::move(message)}});
}

// Letters, digits, '-', '_' and '.': anything else (percent-decoded '/', '@', spaces...)
// could change meaning once the host is written back into the URL curl requests.
bool is_plain_host_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// The host as it goes back into the request URL: a name, or an IP literal without brackets.
std::string host_of(const urls::url_view& url) {
  return url.host_type() == urls::host_type::name ? std::string(url.host_name())
                                                  : std::string(url.host_address());
}

common::Result<std::vector<address>> addresses_of(const urls::url_view& url,
                                                  const std::string& host) {
  switch (url.host_type()) {
    case urls::host_type::ipv4:
      return std::vector<address>{boost::asio::ip::address_v4(url.host_ipv4_address().to_uint())};
    case urls::host_type::ipv6:
      return std::vector<address>{boost::asio::ip::address_v6(url.host_ipv6_address().to_bytes())};
    case urls::host_type::name:
      if (!is_plain_host_name(host)) return refuse("host name has characters not allowed");
      return resolve_host(host);
    case urls::host_type::none:
    case urls::host_type::ipvfuture:
      break;
  }
  return refuse("host is missing or not supported");
}

common::Result<std::uint16_t> port_of(const urls::url_view& url, bool https) {
  if (url.port().empty()) return https ? kHttpsPort : kHttpPort;
  // port_number() is 0 for a port beyond 65535 as well as for an explicit 0.
  if (url.port_number() == 0) return refuse("port is out of range");
  return url.port_number();
}

std::string path_and_query_of(const urls::url_view& url) {
  std::string target = url.encoded_path().empty() ? "/" : std::string(url.encoded_path());
  if (url.has_query()) {
    target += '?';
    target += std::string_view(url.encoded_query());
  }
  return target;
}

}  // namespace

common::Result<VettedTarget> check_target(std::string_view text, bool allow_private) {
  const auto parsed = urls::parse_uri(text);
  if (!parsed) return refuse("is not an absolute URL");
  const urls::url_view& url = *parsed;

  const urls::scheme scheme = url.scheme_id();
  if (scheme != urls::scheme::http && scheme != urls::scheme::https) {
    return refuse("scheme must be http or https");
  }
  if (url.has_userinfo()) return refuse("must not carry a user name or password");
  if (url.encoded_host().empty()) return refuse("host is missing");

  const bool https = scheme == urls::scheme::https;
  auto port = port_of(url, https);
  if (!port) return port.error();
  std::string host = host_of(url);
  auto addresses = addresses_of(url, host);
  if (!addresses) return addresses.error();
  if (!allow_private) {
    for (const address& candidate : *addresses) {
      if (!is_public_address(candidate)) {
        return refuse("host resolves to a non-public address (" + candidate.to_string() + ")");
      }
    }
  }

  return VettedTarget{
      .scheme = https ? "https" : "http",
      .host = std::move(host),
      .port = *port,
      .path_and_query = path_and_query_of(url),
      .address = addresses->front(),
  };
}

boost::asio::awaitable<common::Result<VettedTarget>> vet_target(boost::asio::thread_pool& blocking,
                                                                std::string url,
                                                                bool allow_private) {
  // Named, not a temporary in the co_await: GCC 12 destroys such temporaries twice.
  auto vet = [url = std::move(url), allow_private] { return check_target(url, allow_private); };
  co_return co_await common::runtime::run_blocking(blocking, std::move(vet));
}

}  // namespace shop::notification::webhook
