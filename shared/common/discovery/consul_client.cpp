#include "common/discovery/consul_client.hpp"

#include <boost/json/serialize.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "common/discovery/blocking_index.hpp"
#include "common/discovery/health_entries.hpp"

namespace shop::common::discovery {
namespace {

using boost::asio::awaitable;

constexpr int kHttp11 = 11;
constexpr std::string_view kJson = "application/json";
constexpr std::string_view kNoBody;
constexpr std::string_view kTokenHeader = "X-Consul-Token";
constexpr std::string_view kIndexHeader = "X-Consul-Index";
// The most of an error answer worth quoting in a log line.
constexpr std::size_t kMaxQuotedBody = 200;

std::string path_segment(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

Error answer_error(std::string_view what, const http::Response& response) {
  // Appended piecewise: GCC 12 reports a false -Wrestrict for " " + std::string.
  std::string detail(what);
  detail += ": consul answered ";
  detail += std::to_string(response.result_int());
  const std::string_view body = response.body();
  if (!body.empty()) {
    detail += ' ';
    detail += body.substr(0, kMaxQuotedBody);
  }
  return Error::unavailable(std::move(detail));
}

bool is_success(const http::Response& response) {
  return response.result_int() >= 200 && response.result_int() < 300;
}

}  // namespace

ConsulClient::ConsulClient(http::Endpoint agent, std::string token,
                           std::chrono::milliseconds timeout)
    : agent_(std::move(agent)), token_(std::move(token)), timeout_(timeout) {}

ConsulClient ConsulClient::from_settings(const ConsulSettings& settings) {
  return ConsulClient(settings.agent.value(), settings.token, settings.request_timeout);
}

awaitable<Result<http::Response>> ConsulClient::call(http::Verb verb, std::string_view target,
                                                     std::string_view body,
                                                     std::chrono::milliseconds timeout) const {
  http::Request request(verb, target, kHttp11);
  if (!token_.empty()) request.set(kTokenHeader, token_);
  if (!body.empty()) request.set(http::beast_http::field::content_type, kJson);
  request.body() = std::string(body);
  co_return co_await http::fetch(agent_, std::move(request), timeout);
}

awaitable<Result<void>> ConsulClient::register_service(const RegistrationSpec& spec) const {
  const std::string body = boost::json::serialize(registration_body(spec));
  auto response = co_await call(http::Verb::put, "/v1/agent/service/register", body, timeout_);
  if (!response) co_return response.error();
  if (!is_success(*response)) co_return answer_error("register " + spec.id, *response);
  co_return Result<void>{};
}

awaitable<Result<void>> ConsulClient::deregister_service(std::string_view id) const {
  const std::string target = "/v1/agent/service/deregister/" + path_segment(id);
  auto response = co_await call(http::Verb::put, target, kNoBody, timeout_);
  if (!response) co_return response.error();
  if (response->result() == http::Status::not_found) co_return Result<void>{};
  if (!is_success(*response)) co_return answer_error("deregister " + std::string(id), *response);
  co_return Result<void>{};
}

awaitable<Result<bool>> ConsulClient::has_service(std::string_view id) const {
  const std::string target = "/v1/agent/service/" + path_segment(id);
  auto response = co_await call(http::Verb::get, target, kNoBody, timeout_);
  if (!response) co_return response.error();
  if (response->result() == http::Status::not_found) co_return false;
  if (!is_success(*response)) co_return answer_error("look up " + std::string(id), *response);
  co_return true;
}

awaitable<Result<HealthyInstances>> ConsulClient::healthy_instances(
    std::string_view name, std::uint64_t index, std::chrono::seconds wait) const {
  std::string target = "/v1/health/service/" + path_segment(name) + "?passing=true";
  auto timeout = timeout_;
  if (index > 0) {
    target += "&index=" + std::to_string(index) + "&wait=" + std::to_string(wait.count()) + "s";
    // The agent may hold the answer for wait + wait/16 before it says anything.
    timeout += wait + wait / 16;
  }
  auto response = co_await call(http::Verb::get, target, kNoBody, timeout);
  if (!response) co_return response.error();
  if (!is_success(*response)) co_return answer_error("health of " + std::string(name), *response);
  auto instances = parse_health_entries(response->body());
  if (!instances) co_return instances.error();
  HealthyInstances answer{.instances = std::move(*instances), .index = std::nullopt};
  if (const auto header = response->find(kIndexHeader); header != response->end()) {
    answer.index = parse_consul_index(header->value());
  }
  co_return answer;
}

}  // namespace shop::common::discovery
