#include "middleware/redis_address.hpp"

#include <boost/url/parse.hpp>

#include <charconv>

namespace shop::gateway::middleware {
namespace {

constexpr int kMaxDatabase = 1 << 16;

common::Error bad_url(std::string_view why) {
  return common::Error::bad_request("expected redis://[[user]:password@]host[:port][/db]: " +
                                    std::string(why));
}

common::Result<int> database_of(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return 0;
  int database = -1;
  const auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), database);
  if (ec != std::errc{} || end != path.data() + path.size() || database < 0 ||
      database > kMaxDatabase) {
    return bad_url("the path must be a database number");
  }
  return database;
}

}  // namespace

common::Result<RedisAddress> parse_redis_url(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return bad_url("not a URL");
  if (parsed->scheme() != "redis") return bad_url("the scheme must be redis");
  RedisAddress address;
  address.host = parsed->host_address();
  if (address.host.empty()) return bad_url("no host");
  if (parsed->has_port()) {
    if (parsed->port_number() == 0) return bad_url("bad port");
    address.port = parsed->port_number();
  }
  if (parsed->has_userinfo()) {
    address.username = parsed->user();
    address.password = parsed->password();
  }
  auto database = database_of(parsed->encoded_path());
  if (!database) return database.error();
  address.database = *database;
  return address;
}

}  // namespace shop::gateway::middleware
