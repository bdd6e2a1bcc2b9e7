#pragma once
// The vocabulary of HTTP handlers: what a handler receives and returns.

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <functional>
#include <string>
#include <unordered_map>

#include "common/observability/trace_context.hpp"

namespace shop::common::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;
using Status = beast_http::status;
using Verb = beast_http::verb;

// Per-request state the server fills before a handler runs.
struct RequestContext {
  std::string request_id;
  obs::TraceContext trace;  // this hop's span; its parent came in `traceparent`
  std::string route;        // the matched pattern, e.g. "/api/v1/products/{id}"
  std::unordered_map<std::string, std::string> path_params;
  std::string peer_address;  // the TCP peer ("203.0.113.7", "::1"); empty if unknown
};

using Handler = std::function<boost::asio::awaitable<Response>(const Request&, RequestContext&)>;

}  // namespace shop::common::http
