#include "routing/openapi.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "upstreams.hpp"

namespace shop::gateway::routing {
namespace {

TEST(OpenApiTest, DocumentsEveryServedRouteWithItsSchemas) {
  const auto routes = build_routes(service_bindings());
  const auto document = boost::json::parse(openapi_document(routes)).as_object();
  EXPECT_TRUE(document.at("openapi").as_string().starts_with("3."));
  const auto& paths = document.at("paths").as_object();
  std::size_t operations = 0;
  for (const auto& [path, methods] : paths) operations += methods.as_object().size();
  EXPECT_EQ(operations, routes.size());

  const auto& register_op = paths.at("/api/v1/auth/register").at("post").as_object();
  EXPECT_TRUE(register_op.at("responses").as_object().contains("201"));
  EXPECT_EQ(register_op.at("requestBody")
                .at("content")
                .at("application/json")
                .at("schema")
                .at("$ref")
                .as_string(),
            "#/components/schemas/shop.user.v1.RegisterRequest");
  const auto& me = paths.at("/api/v1/users/me").at("get").as_object();
  EXPECT_TRUE(me.contains("security"));
  EXPECT_FALSE(paths.at("/api/v1/auth/logout")
                   .at("post")
                   .at("responses")
                   .at("204")
                   .as_object()
                   .contains("content"));

  const auto& schemas = document.at("components").at("schemas").as_object();
  const auto& user = schemas.at("shop.user.v1.User").at("properties").as_object();
  EXPECT_EQ(user.at("roles").at("type").as_string(), "array");
  EXPECT_EQ(user.at("shipping_address").at("$ref").as_string(),
            "#/components/schemas/shop.api.PostalAddress");
}

TEST(OpenApiTest, DocumentsRequiredHeadersAndAcceptedAnswers) {
  const auto document =
      boost::json::parse(openapi_document(build_routes(service_bindings()))).as_object();
  const auto& create = document.at("paths").at("/api/v1/orders").at("post").as_object();
  const auto& parameters = create.at("parameters").as_array();
  ASSERT_EQ(parameters.size(), 1U);
  EXPECT_EQ(parameters[0].at("name").as_string(), "Idempotency-Key");
  EXPECT_EQ(parameters[0].at("in").as_string(), "header");
  EXPECT_TRUE(parameters[0].at("required").as_bool());
  const auto& responses = create.at("responses").as_object();
  EXPECT_TRUE(responses.contains("201"));
  EXPECT_TRUE(responses.contains("202"));
  EXPECT_FALSE(document.at("paths")
                   .at("/api/v1/orders/{id}")
                   .at("get")
                   .at("responses")
                   .as_object()
                   .contains("202"));
}

}  // namespace
}  // namespace shop::gateway::routing
