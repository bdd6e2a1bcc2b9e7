#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include <mutex>
#include <vector>

#include "common/auth/jwt.hpp"
#include "common/grpc/unary_caller.hpp"
#include "common/http/responses.hpp"
#include "middleware/rate_limited.hpp"
#include "proto/user.pb.h"
#include "rate_limit_counters.hpp"
#include "support/io_runner.hpp"

namespace shop::gateway::middleware {
namespace {

namespace http = common::http;
using std::chrono::milliseconds;

constexpr std::string_view kPeer = "203.0.113.7";

// Answers every admit() with the same decision and remembers what it was asked.
class ScriptedLimiter final : public RateLimiter {
 public:
  explicit ScriptedLimiter(Decision decision) : decision_(decision) {}

  // RateLimiter
  boost::asio::awaitable<Decision> admit(std::string key, RouteClass route_class) override {
    std::lock_guard lock(mutex_);
    keys_.push_back(std::move(key));
    classes_.push_back(route_class);
    co_return decision_;
  }

  std::vector<std::string> keys() const {
    std::lock_guard lock(mutex_);
    return keys_;
  }
  std::vector<RouteClass> classes() const {
    std::lock_guard lock(mutex_);
    return classes_;
  }

 private:
  const Decision decision_;
  mutable std::mutex mutex_;
  std::vector<std::string> keys_;
  std::vector<RouteClass> classes_;
};

// user-service as far as the Authenticator sees it: GetJwks answers with one key.
class JwksSource final : public common::grpc_glue::UnaryCaller {
 public:
  explicit JwksSource(const common::auth::SigningKey& key) {
    common::auth::KeySet keys;
    keys.add(key);
    user::v1::Jwks jwks;
    if (!google::protobuf::util::JsonStringToMessage(keys.to_jwks(), &jwks).ok()) {
      throw std::runtime_error("cannot build the JWKS");
    }
    body_ = jwks.SerializeAsString();
  }

  // UnaryCaller
  boost::asio::awaitable<common::grpc_glue::GrpcReply> call(std::string method, std::string,
                                                            const common::grpc_glue::CallContext&,
                                                            milliseconds) override {
    common::grpc_glue::GrpcReply reply;
    if (method == "/shop.user.v1.UserService/GetJwks") {
      reply.body = body_;
    } else {
      reply.status = grpc::Status(grpc::StatusCode::UNIMPLEMENTED, method);
    }
    co_return reply;
  }

 private:
  std::string body_;
};

Decision allowed(std::int64_t remaining) {
  return {.allowed = true, .limit = 20, .remaining = remaining, .reset = milliseconds(4500)};
}

Decision refused(milliseconds retry_after) {
  return {.allowed = false,
          .limit = 20,
          .remaining = 0,
          .retry_after = retry_after,
          .reset = milliseconds(60'000)};
}

class RateLimitedTest : public ::testing::Test {
 protected:
  http::Handler inner() {
    return [this](const http::Request&,
                  http::RequestContext&) -> boost::asio::awaitable<http::Response> {
      ++inner_calls_;
      auto response = http::json_response(http::Status::created, std::string(R"({"ok":true})"));
      response.set("X-Inner", "yes");
      co_return response;
    };
  }

  http::Response serve(const http::Handler& handler, const http::Request& request) {
    http::RequestContext context;
    context.request_id = "req-1";
    context.peer_address = std::string(kPeer);
    return shop::testing::run_one(io_, 1, handler(request, context));
  }

  static http::Request request(http::Verb verb, std::string_view target) {
    return http::Request{verb, target, 11};
  }

  std::string token_for(std::string subject) const {
    const auto now = common::auth::unix_now();
    return common::auth::sign(key_, {.subject = std::move(subject),
                                     .roles = {"customer"},
                                     .issued_at = now,
                                     .expires_at = now + 600,
                                     .token_id = "t-1",
                                     .issuer = "shop"});
  }

  std::shared_ptr<common::identity::Authenticator> authenticator() const {
    return std::make_shared<common::identity::Authenticator>(std::make_shared<JwksSource>(key_),
                                                             milliseconds(1000));
  }

  boost::asio::io_context io_;
  int inner_calls_ = 0;
  common::auth::SigningKey key_ = common::auth::SigningKey::generate();
};

TEST_F(RateLimitedTest, AnAllowedRequestReachesTheRouteAndShowsItsBudget) {
  auto limiter = std::make_shared<ScriptedLimiter>(allowed(7));
  const auto handler = with_rate_limit(inner(), limiter, nullptr, RouteClass::kWrite);
  const auto response = serve(handler, request(http::Verb::post, "/api/v1/orders"));
  EXPECT_EQ(inner_calls_, 1);
  EXPECT_EQ(response.result(), http::Status::created);
  EXPECT_EQ(response["X-Inner"], "yes");
  EXPECT_EQ(response["RateLimit-Limit"], "20");
  EXPECT_EQ(response["RateLimit-Remaining"], "7");
  EXPECT_EQ(response["RateLimit-Reset"], "5");  // 4.5 s, rounded up
  EXPECT_EQ(response.count(http::beast_http::field::retry_after), 0u);
  EXPECT_EQ(limiter->classes(), std::vector{RouteClass::kWrite});
}

TEST_F(RateLimitedTest, ARefusedRequestIs429ProblemJsonWithRetryAfter) {
  auto limiter = std::make_shared<ScriptedLimiter>(refused(milliseconds(2001)));
  const auto handler = with_rate_limit(inner(), limiter, nullptr, RouteClass::kAuth);
  const auto response = serve(handler, request(http::Verb::post, "/api/v1/auth/login"));
  EXPECT_EQ(inner_calls_, 0);
  EXPECT_EQ(response.result(), http::Status::too_many_requests);
  EXPECT_EQ(response[http::beast_http::field::content_type], "application/problem+json");
  EXPECT_EQ(response[http::beast_http::field::retry_after], "3");
  EXPECT_EQ(response["RateLimit-Limit"], "20");
  EXPECT_EQ(response["RateLimit-Remaining"], "0");
  EXPECT_EQ(response["RateLimit-Reset"], "60");
  const auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("status"), 429);
  EXPECT_EQ(body.at("title"), "Too Many Requests");
  EXPECT_EQ(body.at("type"), "https://shop.example.com/problems/rate-limited");
  EXPECT_NE(body.at("detail").as_string().find("retry after 3 s"), boost::json::string::npos);
}

TEST_F(RateLimitedTest, RetryAfterIsNeverZero) {
  auto limiter = std::make_shared<ScriptedLimiter>(refused(milliseconds(0)));
  const auto handler = with_rate_limit(inner(), limiter, nullptr, RouteClass::kRead);
  const auto response = serve(handler, request(http::Verb::get, "/api/v1/products"));
  EXPECT_EQ(response[http::beast_http::field::retry_after], "1");
}

TEST_F(RateLimitedTest, DecisionsAreCountedByClass) {
  const std::string limited =
      R"(shop_gateway_rate_limit_decisions_total{class="write",decision="limited"})";
  const std::string passed =
      R"(shop_gateway_rate_limit_decisions_total{class="write",decision="allowed"})";
  const double limited_before = testing::counter_value(limited);
  const double passed_before = testing::counter_value(passed);
  serve(with_rate_limit(inner(), std::make_shared<ScriptedLimiter>(refused(milliseconds(10))),
                        nullptr, RouteClass::kWrite),
        request(http::Verb::post, "/api/v1/orders"));
  serve(with_rate_limit(inner(), std::make_shared<ScriptedLimiter>(allowed(1)), nullptr,
                        RouteClass::kWrite),
        request(http::Verb::post, "/api/v1/orders"));
  EXPECT_EQ(testing::counter_value(limited), limited_before + 1);
  EXPECT_EQ(testing::counter_value(passed), passed_before + 1);
}

TEST_F(RateLimitedTest, AnonymousRequestsAreKeyedByThePeerNotXForwardedFor) {
  auto limiter = std::make_shared<ScriptedLimiter>(allowed(1));
  const auto handler = with_rate_limit(inner(), limiter, authenticator(), RouteClass::kRead);
  auto forwarded = request(http::Verb::get, "/api/v1/products");
  forwarded.set("X-Forwarded-For", "198.51.100.1");
  serve(handler, forwarded);
  EXPECT_EQ(limiter->keys(), std::vector<std::string>{"read:ip:203.0.113.7"});
}

TEST_F(RateLimitedTest, AValidTokenSpendsItsUsersBudget) {
  auto limiter = std::make_shared<ScriptedLimiter>(allowed(1));
  const auto handler = with_rate_limit(inner(), limiter, authenticator(), RouteClass::kWrite);
  auto signed_in = request(http::Verb::post, "/api/v1/cart/items");
  signed_in.set(http::beast_http::field::authorization, "Bearer " + token_for("user-42"));
  serve(handler, signed_in);
  EXPECT_EQ(limiter->keys(), std::vector<std::string>{"write:user:user-42"});
}

TEST_F(RateLimitedTest, AnInvalidTokenSpendsThePeersBudget) {
  auto limiter = std::make_shared<ScriptedLimiter>(allowed(1));
  const auto handler = with_rate_limit(inner(), limiter, authenticator(), RouteClass::kWrite);
  auto forged = request(http::Verb::post, "/api/v1/cart/items");
  const auto other_key = common::auth::SigningKey::generate();
  const auto now = common::auth::unix_now();
  forged.set(http::beast_http::field::authorization,
             "Bearer " + common::auth::sign(other_key, {.subject = "user-42",
                                                        .roles = {},
                                                        .issued_at = now,
                                                        .expires_at = now + 600,
                                                        .token_id = "t-2",
                                                        .issuer = "shop"}));
  serve(handler, forged);
  auto garbage = request(http::Verb::post, "/api/v1/cart/items");
  garbage.set(http::beast_http::field::authorization, "Bearer not-a-token");
  serve(handler, garbage);
  EXPECT_EQ(limiter->keys(),
            (std::vector<std::string>{"write:ip:203.0.113.7", "write:ip:203.0.113.7"}));
}

TEST_F(RateLimitedTest, SignInIsKeyedByThePeerEvenWithAToken) {
  auto limiter = std::make_shared<ScriptedLimiter>(allowed(1));
  const auto handler = with_rate_limit(inner(), limiter, authenticator(), RouteClass::kAuth);
  auto refresh = request(http::Verb::post, "/api/v1/auth/refresh");
  refresh.set(http::beast_http::field::authorization, "Bearer " + token_for("user-42"));
  serve(handler, refresh);
  EXPECT_EQ(limiter->keys(), std::vector<std::string>{"auth:ip:203.0.113.7"});
}

TEST_F(RateLimitedTest, WithoutALimiterTheRouteIsLeftAlone) {
  const auto handler = with_rate_limit(inner(), nullptr, authenticator(), RouteClass::kRead);
  const auto response = serve(handler, request(http::Verb::get, "/api/v1/products"));
  EXPECT_EQ(inner_calls_, 1);
  EXPECT_EQ(response.result(), http::Status::created);
  EXPECT_EQ(response.count("RateLimit-Limit"), 0u);
}

}  // namespace
}  // namespace shop::gateway::middleware
