#include <gtest/gtest.h>

#include "middleware/rate_limit_key.hpp"
#include "middleware/route_class.hpp"

namespace shop::gateway::middleware {
namespace {

using common::http::Verb;

TEST(RouteClassTest, SignInAndSignUpPostsAreAuth) {
  for (const auto* path : {"/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh",
                           "/api/v1/auth/logout", "/api/v1/auth/login/"}) {
    EXPECT_EQ(classify(Verb::post, path), RouteClass::kAuth) << path;
  }
}

TEST(RouteClassTest, OtherWritesAreWrite) {
  EXPECT_EQ(classify(Verb::post, "/api/v1/orders"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::post, "/api/v1/auth/other"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::post, "/api/v1/auth/login/extra"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::post, "/api/v1/products/{id}/waitlist"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::put, "/api/v1/products/{id}/inventory"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::patch, "/api/v1/users/me"), RouteClass::kWrite);
  EXPECT_EQ(classify(Verb::delete_, "/api/v1/cart"), RouteClass::kWrite);
  // Only POST is sign-in; another method on the same path is an ordinary write.
  EXPECT_EQ(classify(Verb::put, "/api/v1/auth/login"), RouteClass::kWrite);
}

TEST(RouteClassTest, ReadsAreRead) {
  EXPECT_EQ(classify(Verb::get, "/api/v1/products"), RouteClass::kRead);
  EXPECT_EQ(classify(Verb::head, "/api/v1/products/{id}"), RouteClass::kRead);
  EXPECT_EQ(classify(Verb::get, "/api/v1/auth/login"), RouteClass::kRead);
  EXPECT_EQ(classify(Verb::options, "/api/v1/cart"), RouteClass::kRead);
}

TEST(RouteClassTest, NamesAreTheMetricLabels) {
  EXPECT_EQ(to_string(RouteClass::kAuth), "auth");
  EXPECT_EQ(to_string(RouteClass::kWrite), "write");
  EXPECT_EQ(to_string(RouteClass::kRead), "read");
}

TEST(RateLimitKeyTest, AuthenticatedUsersSpendTheirOwnBudget) {
  EXPECT_EQ(rate_limit_key(RouteClass::kWrite, "u-1", "203.0.113.7"), "write:user:u-1");
  EXPECT_EQ(rate_limit_key(RouteClass::kRead, "u-1", "203.0.113.7"), "read:user:u-1");
}

TEST(RateLimitKeyTest, AnonymousRequestsSpendTheirAddresssBudget) {
  EXPECT_EQ(rate_limit_key(RouteClass::kWrite, "", "203.0.113.7"), "write:ip:203.0.113.7");
  EXPECT_EQ(rate_limit_key(RouteClass::kRead, "", "2001:db8::1"), "read:ip:2001:db8::1");
}

TEST(RateLimitKeyTest, AuthIsAlwaysPerAddressEvenWithAUser) {
  EXPECT_EQ(rate_limit_key(RouteClass::kAuth, "u-1", "203.0.113.7"), "auth:ip:203.0.113.7");
  EXPECT_FALSE(limited_per_user(RouteClass::kAuth));
  EXPECT_TRUE(limited_per_user(RouteClass::kWrite));
  EXPECT_TRUE(limited_per_user(RouteClass::kRead));
}

TEST(RateLimitKeyTest, AnUnknownPeerSharesOneBucketRatherThanEscaping) {
  EXPECT_EQ(rate_limit_key(RouteClass::kAuth, "", ""), "auth:ip:unknown");
}

}  // namespace
}  // namespace shop::gateway::middleware
