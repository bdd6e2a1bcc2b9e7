#pragma once
// What happens to every parsed request, independent of the connection handling:
// request id and trace context, routing, the handler, error mapping, response
// headers, metrics and the access log.

#include <memory>

#include "common/errors.hpp"
#include "common/http/cors.hpp"
#include "common/http/router.hpp"

namespace shop::common::http {

class RequestPipeline {
 public:
  // Without a CORS policy, browsers get no cross-origin access.
  explicit RequestPipeline(Router router, std::shared_ptr<const CorsPolicy> cors = nullptr)
      : router_(std::move(router)), cors_(std::move(cors)) {}

  // `peer_address`: the connection's remote address, passed on in RequestContext.
  boost::asio::awaitable<Response> handle(const Request& request, std::string peer_address) const;
  // A response for a request that could not be read (too large, malformed).
  Response reject(const Error& error) const;

 private:
  Router router_;
  std::shared_ptr<const CorsPolicy> cors_;
};

}  // namespace shop::common::http
