#include "routing/route_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "upstreams.hpp"

namespace shop::gateway::routing {
namespace {

const Route& find(const std::vector<Route>& routes, std::string_view path,
                  common::http::Verb verb) {
  const auto found = std::find_if(routes.begin(), routes.end(), [&](const Route& route) {
    return route.path == path && route.verb == verb;
  });
  if (found == routes.end()) throw std::runtime_error("missing route " + std::string(path));
  return *found;
}

TEST(RouteTableTest, EveryAnnotatedUserMethodBecomesARoute) {
  const auto routes = build_routes(service_bindings());
  const auto& register_route = find(routes, "/api/v1/auth/register", common::http::Verb::post);
  EXPECT_EQ(register_route.grpc_method, "/shop.user.v1.UserService/Register");
  EXPECT_EQ(register_route.upstream, "user-service");
  EXPECT_EQ(register_route.rule.success_status(), 201);
  EXPECT_TRUE(register_route.rule.body());

  const auto& me = find(routes, "/api/v1/users/me", common::http::Verb::get);
  EXPECT_EQ(me.rule.access(), api::ACCESS_AUTHENTICATED);
  EXPECT_EQ(find(routes, "/api/v1/auth/logout", common::http::Verb::post).rule.success_status(),
            204);
  EXPECT_NO_THROW(find(routes, "/.well-known/jwks.json", common::http::Verb::get));
  EXPECT_EQ(find(routes, "/api/v1/users/{id}", common::http::Verb::get).rule.access(),
            api::ACCESS_ADMIN);
}

TEST(RouteTableTest, MethodsWithoutAnnotationStayInternal) {
  const auto routes = build_routes(service_bindings());
  const bool exposed = std::any_of(routes.begin(), routes.end(), [](const Route& route) {
    return route.grpc_method.ends_with("/VerifyToken");
  });
  EXPECT_FALSE(exposed);
}

}  // namespace
}  // namespace shop::gateway::routing
