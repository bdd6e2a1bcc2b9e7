#include "common/http/cors.hpp"

#include <boost/url/parse.hpp>

#include <algorithm>
#include <array>

#include "common/http/responses.hpp"
#include "common/http/router.hpp"
#include "common/text.hpp"

namespace shop::common::http {
namespace {

// What a page may send besides the CORS-safelisted headers.
constexpr std::array<std::string_view, 6> kAllowedRequestHeaders{"authorization",   "content-type",
                                                                 "idempotency-key", "x-request-id",
                                                                 "traceparent",     "tracestate"};
constexpr std::string_view kAllowedHeadersValue =
    "Authorization, Content-Type, Idempotency-Key, X-Request-ID, traceparent, tracestate";
// What a page may read besides the CORS-safelisted response headers.
constexpr std::string_view kExposedHeaders =
    "X-Request-ID, traceparent, Location, Allow, Retry-After, RateLimit-Limit, "
    "RateLimit-Remaining, RateLimit-Reset";

// An origin is serialized as scheme "://" host [":" port], nothing more.
bool is_origin(std::string_view text) {
  const auto url = boost::urls::parse_absolute_uri(text);
  if (!url) return false;
  const auto scheme = url->scheme();
  return (scheme == "http" || scheme == "https") && !url->host().empty() && !url->has_userinfo() &&
         url->encoded_path().empty() && !url->has_query() && !url->has_fragment();
}

// The first requested header the policy does not allow; empty when all are allowed.
std::string first_refused_header(std::string_view requested) {
  while (!requested.empty()) {
    const auto comma = requested.find(',');
    auto name = to_lower(common::trim(requested.substr(0, comma)));
    if (!name.empty() &&
        std::ranges::find(kAllowedRequestHeaders, name) == kAllowedRequestHeaders.end()) {
      return name;
    }
    if (comma == std::string_view::npos) break;
    requested.remove_prefix(comma + 1);
  }
  return {};
}

Response refused(std::string detail) {
  return problem_response(Error::forbidden(std::move(detail)));
}

}  // namespace

CorsSettings CorsSettings::from_env(config::EnvReader& env) {
  CorsSettings settings;
  settings.allowed_origins = env.list("CORS_ALLOWED_ORIGINS", {});
  settings.max_age = std::chrono::seconds(env.integer("CORS_MAX_AGE_S", 600, 0, 86'400));
  std::vector<std::string> problems;
  for (const auto& origin : settings.allowed_origins) {
    if (origin != "*" && !is_origin(origin)) {
      problems.push_back("CORS_ALLOWED_ORIGINS: '" + origin +
                         "' is not an origin (scheme://host[:port], or *)");
    }
  }
  if (!problems.empty()) throw config::ConfigError(std::move(problems));
  return settings;
}

CorsPolicy::CorsPolicy(CorsSettings settings)
    : settings_(std::move(settings)),
      any_origin_(std::ranges::find(settings_.allowed_origins, "*") !=
                  settings_.allowed_origins.end()) {}

bool CorsPolicy::is_preflight(const Request& request) {
  return request.method() == Verb::options && !request["Origin"].empty() &&
         !request["Access-Control-Request-Method"].empty();
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  if (any_origin_) return true;
  return std::ranges::find(settings_.allowed_origins, origin) != settings_.allowed_origins.end();
}

void CorsPolicy::grant(std::string_view origin, Response& response) const {
  response.set(beast_http::field::access_control_allow_origin, any_origin_ ? "*" : origin);
}

Response CorsPolicy::preflight(const Request& request, const std::vector<Verb>& methods) const {
  const auto origin = request["Origin"];
  if (!allows(origin))
    return refused("the origin " + std::string(origin) + " may not call this API");
  const auto method = request["Access-Control-Request-Method"];
  const bool served = std::ranges::any_of(
      methods, [&](Verb verb) { return beast_http::to_string(verb) == method; });
  if (!served) return refused(std::string(method) + " is not served at this path");
  if (auto header = first_refused_header(request["Access-Control-Request-Headers"]);
      !header.empty()) {
    return refused("the request header " + header + " may not be sent cross-origin");
  }
  Response response = empty_response(Status::no_content);
  grant(origin, response);
  response.set(beast_http::field::access_control_allow_methods, method_list(methods));
  response.set(beast_http::field::access_control_allow_headers, kAllowedHeadersValue);
  response.set(beast_http::field::access_control_max_age,
               std::to_string(settings_.max_age.count()));
  response.set(beast_http::field::vary,
               "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  return response;
}

void CorsPolicy::decorate(const Request& request, Response& response) const {
  // The answer depends on Origin whenever the policy names origins: caches must know.
  if (!any_origin_) response.set(beast_http::field::vary, "Origin");
  const auto origin = request["Origin"];
  if (!allows(origin)) return;
  grant(origin, response);
  response.set(beast_http::field::access_control_expose_headers, kExposedHeaders);
}

}  // namespace shop::common::http
