#include "middleware/route_class.hpp"

#include <algorithm>
#include <array>

namespace shop::gateway::middleware {
namespace {

using common::http::Verb;

constexpr std::array<std::string_view, 4> kAuthPaths{"/api/v1/auth/login", "/api/v1/auth/register",
                                                     "/api/v1/auth/refresh", "/api/v1/auth/logout"};

bool is_auth_path(std::string_view path) {
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return std::find(kAuthPaths.begin(), kAuthPaths.end(), path) != kAuthPaths.end();
}

}  // namespace

std::string_view to_string(RouteClass route_class) {
  switch (route_class) {
    case RouteClass::kAuth:
      return "auth";
    case RouteClass::kWrite:
      return "write";
    case RouteClass::kRead:
      return "read";
  }
  return "unknown";
}

RouteClass classify(Verb verb, std::string_view path) {
  switch (verb) {
    case Verb::get:
    case Verb::head:
    case Verb::options:
      return RouteClass::kRead;
    case Verb::post:
      return is_auth_path(path) ? RouteClass::kAuth : RouteClass::kWrite;
    default:
      return RouteClass::kWrite;
  }
}

bool limited_per_user(RouteClass route_class) { return route_class != RouteClass::kAuth; }

}  // namespace shop::gateway::middleware
