#include "common/http/cors.hpp"

#include <gtest/gtest.h>

#include "support/fake_env.hpp"

namespace shop::common::http {
namespace {

const std::vector<Verb> kGetAndPost{Verb::get, Verb::post};

CorsPolicy policy_for(std::vector<std::string> origins) {
  return CorsPolicy(CorsSettings{.allowed_origins = std::move(origins)});
}

Request preflight_request(std::string_view origin, std::string_view method,
                          std::string_view headers = "") {
  Request request{Verb::options, "/api/v1/orders", 11};
  request.set("Origin", origin);
  request.set("Access-Control-Request-Method", method);
  if (!headers.empty()) request.set("Access-Control-Request-Headers", headers);
  return request;
}

TEST(CorsPolicyTest, OnlyOptionsWithOriginAndRequestedMethodIsAPreflight) {
  EXPECT_TRUE(CorsPolicy::is_preflight(preflight_request("https://a.example", "POST")));
  Request plain_options{Verb::options, "/x", 11};
  plain_options.set("Origin", "https://a.example");
  EXPECT_FALSE(CorsPolicy::is_preflight(plain_options));
  Request get{Verb::get, "/x", 11};
  get.set("Origin", "https://a.example");
  get.set("Access-Control-Request-Method", "GET");
  EXPECT_FALSE(CorsPolicy::is_preflight(get));
}

TEST(CorsPolicyTest, AnAllowedPreflightIsGrantedWithMethodsHeadersAndMaxAge) {
  const auto response =
      policy_for({"https://shop.example"})
          .preflight(preflight_request("https://shop.example", "POST",
                                       "Content-Type, authorization, Idempotency-Key"),
                     kGetAndPost);
  EXPECT_EQ(response.result(), Status::no_content);
  EXPECT_EQ(response["Access-Control-Allow-Origin"], "https://shop.example");
  EXPECT_EQ(response["Access-Control-Allow-Methods"], "GET, POST");
  EXPECT_NE(response["Access-Control-Allow-Headers"].find("Idempotency-Key"), std::string::npos);
  EXPECT_EQ(response["Access-Control-Max-Age"], "600");
  EXPECT_TRUE(response["Access-Control-Allow-Credentials"].empty());
}

TEST(CorsPolicyTest, AnUnknownOriginMethodOrHeaderIsRefusedWithAProblem) {
  const auto policy = policy_for({"https://shop.example"});
  const Request refused[] = {
      preflight_request("https://evil.example", "POST"),
      preflight_request("https://shop.example.evil.example", "GET"),
      preflight_request("https://shop.example", "DELETE"),
      preflight_request("https://shop.example", "POST", "Content-Type, X-Admin"),
  };
  for (const auto& request : refused) {
    const auto response = policy.preflight(request, kGetAndPost);
    EXPECT_EQ(response.result(), Status::forbidden) << request["Origin"];
    EXPECT_EQ(response[beast_http::field::content_type], "application/problem+json");
    EXPECT_TRUE(response["Access-Control-Allow-Origin"].empty());
  }
}

TEST(CorsPolicyTest, AnswersToAnAllowedOriginExposeTheApiHeaders) {
  Request request{Verb::get, "/api/v1/products", 11};
  request.set("Origin", "http://localhost:5173");
  Response response{Status::ok, 11};
  policy_for({"https://shop.example", "http://localhost:5173"}).decorate(request, response);
  EXPECT_EQ(response["Access-Control-Allow-Origin"], "http://localhost:5173");
  EXPECT_EQ(response["Vary"], "Origin");
  const auto exposed = std::string(response["Access-Control-Expose-Headers"]);
  for (const auto* header : {"X-Request-ID", "Retry-After", "RateLimit-Remaining", "Location"}) {
    EXPECT_NE(exposed.find(header), std::string::npos) << header;
  }
}

TEST(CorsPolicyTest, AnswersToOtherOriginsGainNoGrant) {
  Request request{Verb::get, "/api/v1/products", 11};
  request.set("Origin", "https://evil.example");
  Response response{Status::ok, 11};
  policy_for({"https://shop.example"}).decorate(request, response);
  EXPECT_TRUE(response["Access-Control-Allow-Origin"].empty());
  EXPECT_EQ(response["Vary"], "Origin");
}

TEST(CorsPolicyTest, AWildcardGrantsEveryOriginWithoutVary) {
  Request request{Verb::get, "/api/v1/products", 11};
  request.set("Origin", "https://anyone.example");
  Response response{Status::ok, 11};
  policy_for({"*"}).decorate(request, response);
  EXPECT_EQ(response["Access-Control-Allow-Origin"], "*");
  EXPECT_TRUE(response["Vary"].empty());
}

TEST(CorsSettingsTest, OriginsAndMaxAgeComeFromTheEnvironment) {
  config::EnvReader env(
      test::fake_env({{"CORS_ALLOWED_ORIGINS", "https://shop.example, http://localhost:5173"},
                      {"CORS_MAX_AGE_S", "120"}}));
  const auto settings = CorsSettings::from_env(env);
  EXPECT_EQ(settings.allowed_origins,
            (std::vector<std::string>{"https://shop.example", "http://localhost:5173"}));
  EXPECT_EQ(settings.max_age, std::chrono::seconds(120));
  config::EnvReader unset(test::fake_env({}));
  EXPECT_TRUE(CorsSettings::from_env(unset).allowed_origins.empty());
}

TEST(CorsSettingsTest, SomethingThatIsNotAnOriginIsAConfigError) {
  for (const auto* value : {"shop.example", "https://shop.example/app", "ftp://shop.example",
                            "https://user@shop.example", "https://shop.example?x=1"}) {
    config::EnvReader env(test::fake_env({{"CORS_ALLOWED_ORIGINS", value}}));
    EXPECT_THROW(CorsSettings::from_env(env), config::ConfigError) << value;
  }
}

}  // namespace
}  // namespace shop::common::http
