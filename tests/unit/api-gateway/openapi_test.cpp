#include "routing/openapi.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include <set>
#include <string>

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

boost::json::object document_of_all_routes() {
  return boost::json::parse(openapi_document(build_routes(service_bindings()))).as_object();
}

std::set<std::string> statuses_of(const boost::json::object& document, std::string_view path,
                                  std::string_view method) {
  std::set<std::string> statuses;
  for (const auto& [status, response] :
       document.at("paths").at(path).at(method).at("responses").as_object())
    statuses.insert(std::string(status));
  return statuses;
}

TEST(OpenApiTest, ListsEveryErrorARouteCanAnswerAndNoCatchAll) {
  const auto document = document_of_all_routes();
  // Public, no body: only the errors of any call through the gateway.
  EXPECT_EQ(statuses_of(document, "/api/v1/categories", "get"),
            (std::set<std::string>{"200", "400", "429", "431", "503", "504"}));
  // Public with a body: too large (413), not JSON (415), and its method's own.
  EXPECT_EQ(statuses_of(document, "/api/v1/auth/register", "post"),
            (std::set<std::string>{"201", "400", "409", "413", "415", "422", "429", "431", "503",
                                   "504"}));
  // Authenticated: 401; admin: 403 too.
  EXPECT_EQ(statuses_of(document, "/api/v1/cart", "get"),
            (std::set<std::string>{"200", "400", "401", "429", "431", "503", "504"}));
  EXPECT_EQ(statuses_of(document, "/api/v1/products/{id}", "delete"),
            (std::set<std::string>{"204", "400", "401", "403", "404", "429", "431", "503", "504"}));

  const auto& responses =
      document.at("paths").at("/api/v1/orders/{id}/cancel").at("post").at("responses");
  for (const auto* status : {"400", "401", "404", "409", "429", "503", "504"}) {
    const auto& content = responses.at(status).at("content").as_object();
    EXPECT_TRUE(content.contains("application/problem+json")) << status;
    EXPECT_FALSE(content.contains("application/json")) << status;
  }
  EXPECT_TRUE(responses.at("429").at("headers").as_object().contains("Retry-After"));
  const auto& problem = document.at("components").at("schemas").at("Problem").as_object();
  EXPECT_EQ(problem.at("required").as_array().size(), 4U);
}

TEST(OpenApiTest, IdsInPathsAreUuids) {
  const auto document = document_of_all_routes();
  const auto& parameters =
      document.at("paths").at("/api/v1/cart/items/{product_id}").at("delete").at("parameters");
  EXPECT_EQ(parameters.at(0).at("schema").at("format").as_string(), "uuid");
  const auto& product =
      document.at("paths").at("/api/v1/products/{id}").at("get").at("parameters").at(0);
  EXPECT_EQ(product.at("schema").at("format").as_string(), "uuid");
}

TEST(OpenApiTest, AnswersPromiseTheFieldsAlwaysPrintedAndRequestsPromiseNone) {
  const auto document = document_of_all_routes();
  const auto& schemas = document.at("components").at("schemas").as_object();
  // Only in answers: every field without presence is printed, set or not.
  const auto& token_pair = schemas.at("shop.user.v1.TokenPair").as_object();
  std::set<std::string> required;
  for (const auto& name : token_pair.at("required").as_array())
    required.insert(std::string(name.as_string()));
  EXPECT_EQ(required,
            (std::set<std::string>{"access_token", "refresh_token", "token_type", "expires_in"}));
  // A message field is printed only when set.
  const auto& user = schemas.at("shop.user.v1.User").as_object();
  for (const auto& name : user.at("required").as_array())
    EXPECT_NE(name.as_string(), "shipping_address");
  // In request bodies (and answers alike): nothing required.
  EXPECT_FALSE(schemas.at("shop.user.v1.RegisterRequest").as_object().contains("required"));
  EXPECT_FALSE(schemas.at("shop.api.PostalAddress").as_object().contains("required"));
}

}  // namespace
}  // namespace shop::gateway::routing
