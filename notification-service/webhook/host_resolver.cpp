#include "webhook/host_resolver.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace shop::notification::webhook {
namespace {

struct AddrinfoDeleter {
  void operator()(addrinfo* list) const { freeaddrinfo(list); }
};
using AddrinfoList = std::unique_ptr<addrinfo, AddrinfoDeleter>;

// Copies through memcpy: the sockaddr behind ai_addr is only as aligned as its family needs.
boost::asio::ip::address to_address(const addrinfo& entry) {
  if (entry.ai_family == AF_INET) {
    sockaddr_in v4{};
    std::memcpy(&v4, entry.ai_addr, sizeof v4);
    return boost::asio::ip::address_v4(ntohl(v4.sin_addr.s_addr));
  }
  sockaddr_in6 v6{};
  std::memcpy(&v6, entry.ai_addr, sizeof v6);
  boost::asio::ip::address_v6::bytes_type bytes{};
  std::memcpy(bytes.data(), &v6.sin6_addr, bytes.size());
  return boost::asio::ip::address_v6(bytes, v6.sin6_scope_id);
}

common::Error resolve_error(int code, const std::string& host) {
  if (code == EAI_NONAME || code == EAI_NODATA || code == EAI_FAMILY) {
    return common::Error::validation({{"url", "host " + host + " does not resolve"}});
  }
  return common::Error::unavailable("cannot resolve " + host + ": " + gai_strerror(code));
}

}  // namespace

common::Result<std::vector<boost::asio::ip::address>> resolve_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* raw = nullptr;
  if (const int code = getaddrinfo(host.c_str(), nullptr, &hints, &raw); code != 0) {
    return resolve_error(code, host);
  }
  const AddrinfoList list(raw);

  std::vector<boost::asio::ip::address> addresses;
  for (const addrinfo* entry = list.get(); entry != nullptr; entry = entry->ai_next) {
    if (entry->ai_family != AF_INET && entry->ai_family != AF_INET6) continue;
    const boost::asio::ip::address address = to_address(*entry);
    if (std::find(addresses.begin(), addresses.end(), address) == addresses.end()) {
      addresses.push_back(address);
    }
  }
  if (addresses.empty()) return resolve_error(EAI_NODATA, host);
  return addresses;
}

}  // namespace shop::notification::webhook
