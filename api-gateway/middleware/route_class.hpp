#pragma once
// Which budget a route draws on. Sign-in and sign-up are limited per client address,
// because their callers have no identity yet and they are what password guessing and
// account spam go through; other routes are limited per user, writes more tightly than
// reads.

#include <string_view>

#include "common/http/types.hpp"

namespace shop::gateway::middleware {

enum class RouteClass { kAuth, kWrite, kRead };

// "auth", "write", "read": metric labels and key prefixes.
std::string_view to_string(RouteClass route_class);

// POST to the login, register, refresh and logout paths under /api/v1/auth/ is kAuth;
// GET, HEAD and OPTIONS are kRead; every other method is kWrite. `path` is the route
// pattern (or a concrete path): the auth paths have no placeholders.
RouteClass classify(common::http::Verb verb, std::string_view path);

// Whether the class is counted per authenticated user (falling back to the client
// address for anonymous requests) or always per client address.
bool limited_per_user(RouteClass route_class);

}  // namespace shop::gateway::middleware
