#pragma once
// Cross-origin access for browser pages (the CORS protocol of the Fetch standard).
// Identity travels in bearer tokens, never in cookies, so credentialed requests are not
// allowed and an allowed origin gains nothing a script could not already send; the
// policy decides which pages may read the answers.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/config/env_reader.hpp"
#include "common/http/types.hpp"

namespace shop::common::http {

struct CorsSettings {
  // Exact origins ("https://shop.example", "http://localhost:5173"), or "*" for any.
  // Empty: no cross-origin access.
  std::vector<std::string> allowed_origins;
  std::chrono::seconds max_age{600};  // how long a browser may reuse a preflight answer

  // CORS_ALLOWED_ORIGINS (comma-separated), CORS_MAX_AGE_S. Throws
  // config::ConfigError for an origin that is not scheme://host[:port].
  static CorsSettings from_env(config::EnvReader& env);
};

class CorsPolicy {
 public:
  explicit CorsPolicy(CorsSettings settings);

  // OPTIONS with Origin and Access-Control-Request-Method.
  static bool is_preflight(const Request& request);
  // The answer to a preflight for a path served by `methods`: 204 with the grants, or
  // 403 problem+json saying which of origin, method or header is not allowed.
  Response preflight(const Request& request, const std::vector<Verb>& methods) const;
  // Grants an allowed origin read access to this answer and names the headers it may read.
  void decorate(const Request& request, Response& response) const;

 private:
  bool allows(std::string_view origin) const;
  void grant(std::string_view origin, Response& response) const;

  CorsSettings settings_;
  bool any_origin_ = false;
};

}  // namespace shop::common::http
