#include "common/mq/amqp_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <charconv>

namespace shop::common::mq {

Result<AmqpAddress> parse_amqp_url(std::string_view url) {
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return Error::bad_request("AMQP URL: not a URI: " + std::string(url));
  const boost::urls::url_view& uri = *parsed;
  if (uri.scheme() != "amqp") {
    return Error::bad_request("AMQP URL: the scheme must be amqp, not " +
                              std::string(uri.scheme()));
  }
  if (!uri.has_authority() || uri.host().empty()) {
    return Error::bad_request("AMQP URL: no host in " + std::string(url));
  }
  if (uri.has_query() || uri.has_fragment()) {
    return Error::bad_request("AMQP URL: query and fragment are not supported");
  }

  AmqpAddress address;
  address.host = uri.host_address();  // decoded; an IPv6 literal without its brackets
  if (uri.has_port()) {
    const std::string_view port = uri.port();
    unsigned value = 0;
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (error != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
      return Error::bad_request("AMQP URL: invalid port " + std::string(port));
    }
    address.port = static_cast<std::uint16_t>(value);
  }
  if (uri.has_userinfo()) {
    address.user = uri.user();
    address.password = uri.password();
    if (address.user.empty()) return Error::bad_request("AMQP URL: empty user name");
  }

  const std::string path = uri.path();  // percent-decoded
  if (path.empty() || path == "/") {
    address.vhost = "/";
  } else if (uri.encoded_path().substr(1).find('/') != std::string_view::npos) {
    return Error::bad_request("AMQP URL: a vhost containing '/' must be written %2F");
  } else {
    address.vhost = path.substr(1);
  }
  return address;
}

std::string describe(const AmqpAddress& address) {
  return "amqp://" + address.user + "@" + address.host + ":" + std::to_string(address.port) +
         (address.vhost == "/" ? std::string("/") : "/" + address.vhost);
}

}  // namespace shop::common::mq
