#include "test_http_server.hpp"

#include <chrono>
#include <string_view>

namespace shop::common::discovery::testing {
namespace {

using boost::asio::awaitable;
using namespace std::chrono_literals;

constexpr int kHttp11 = 11;
constexpr std::string_view kIndexHeader = "X-Consul-Index";
// Longer than any blocking query the tests make (a wait of a second or two).
constexpr auto kRelayTimeout = 10s;

http::ServerConfig loopback_any_port() {
  // A cut relay should not sit out a blocking query in flight.
  return {.address = "127.0.0.1", .port = 0, .drain_timeout = 200ms};
}

}  // namespace

HealthEndpoint::HealthEndpoint(boost::asio::io_context& io) {
  http::Router router;
  router.add(http::Verb::get, "/health",
             [this](const http::Request&, http::RequestContext&) -> awaitable<http::Response> {
               http::Response response(status_.load(), kHttp11);
               response.body() = R"({"status":"set by the test"})";
               response.prepare_payload();
               co_return response;
             });
  server_ = std::make_unique<http::Server>(io, loopback_any_port(), std::move(router));
  port_ = server_->start();
}

AgentRelay::AgentRelay(boost::asio::io_context& io, http::Endpoint agent)
    : agent_(std::move(agent)) {
  http::Router router;
  auto forward = [this](const http::Request& request,
                        http::RequestContext&) -> awaitable<http::Response> {
    co_return co_await this->forward(request);
  };
  router.add(http::Verb::put, "/v1/agent/service/register", forward);
  router.add(http::Verb::put, "/v1/agent/service/deregister/{id}", forward);
  router.add(http::Verb::get, "/v1/agent/service/{id}", forward);
  router.add(http::Verb::get, "/v1/health/service/{name}", forward);
  server_ = std::make_unique<http::Server>(io, loopback_any_port(), std::move(router));
  port_ = server_->start();
}

awaitable<http::Response> AgentRelay::forward(const http::Request& request) const {
  ++calls_;
  http::Response relayed(http::Status::internal_server_error, kHttp11);
  relayed.body() = "No cluster leader";
  if (!refusing_) {
    http::Request copy = request;
    auto answer = co_await http::fetch(agent_, std::move(copy), kRelayTimeout);
    if (answer) {
      relayed.result(answer->result());
      relayed.body() = answer->body();
      if (const auto index = answer->find(kIndexHeader); index != answer->end()) {
        relayed.set(kIndexHeader, index->value());
      }
    } else {
      relayed.result(http::Status::bad_gateway);
      relayed.body() = answer.error().detail;
    }
  }
  relayed.prepare_payload();
  co_return relayed;
}

}  // namespace shop::common::discovery::testing
