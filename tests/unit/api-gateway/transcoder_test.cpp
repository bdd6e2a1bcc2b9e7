#include "routing/transcoder.hpp"

#include <gtest/gtest.h>

#include "proto/order.pb.h"
#include "proto/user.pb.h"
#include "upstreams.hpp"

namespace shop::gateway::routing {
namespace {

Route route_for(std::string_view grpc_method) {
  for (auto& route : build_routes(service_bindings())) {
    if (route.grpc_method.ends_with(grpc_method)) return route;
  }
  throw std::runtime_error("no route");
}

TEST(TranscoderTest, JsonBodyBecomesTheRequestMessage) {
  const auto encoded =
      encode_request(route_for("/Register"),
                     R"({"email":"a@b.co","password":"secret123","name":"Ann"})", {}, "/x");
  ASSERT_TRUE(encoded);
  user::v1::RegisterRequest request;
  ASSERT_TRUE(request.ParseFromString(*encoded));
  EXPECT_EQ(request.email(), "a@b.co");
  EXPECT_EQ(request.name(), "Ann");
}

TEST(TranscoderTest, MalformedOrUnexpectedBodiesAreBadRequests) {
  const auto route = route_for("/Register");
  for (std::string_view body : {R"({"email":)", "[1,2]", R"({"email": 5})",
                                R"({"unknown_field": "x"})", "null", R"({"email":"a@b.co",})"}) {
    const auto encoded = encode_request(route, body, {}, "/x");
    ASSERT_FALSE(encoded) << body;
    EXPECT_EQ(encoded.error().code, common::ErrorCode::kBadRequest) << body;
  }
}

TEST(TranscoderTest, WhitespaceAroundTheObjectIsFine) {
  EXPECT_TRUE(encode_request(route_for("/Login"), "\n  {\"email\": \"a@b.co\"}  \n", {}, "/x"));
}

TEST(TranscoderTest, EmptyBodyIsAnEmptyMessage) {
  const auto encoded = encode_request(route_for("/Logout"), "", {}, "/x");
  ASSERT_TRUE(encoded);
  EXPECT_TRUE(encoded->empty());
}

TEST(TranscoderTest, ResponseRendersEveryFieldWithProtoNames) {
  user::v1::TokenPair pair;
  pair.set_access_token("a");
  pair.set_token_type("Bearer");
  pair.set_expires_in(900);
  const auto decoded = decode_response(route_for("/Login"), pair.SerializeAsString());
  ASSERT_TRUE(decoded);
  const auto& json = decoded->json;
  EXPECT_NE(json.find(R"("access_token":"a")"), std::string::npos);
  EXPECT_NE(json.find(R"("refresh_token":"")"), std::string::npos);
  EXPECT_NE(json.find(R"("expires_in":900)"), std::string::npos);
}

TEST(TranscoderTest, DeclaredHeadersFillTheirFields) {
  const auto route = route_for("/CreateOrder");
  ASSERT_EQ(route.header_fields.size(), 1U);
  EXPECT_EQ(route.header_fields[0].field, "idempotency_key");
  const std::unordered_map<std::string, std::string> fields{{"idempotency_key", "key-1"}};
  const auto encoded = encode_request(route, "{}", fields, "/x");
  ASSERT_TRUE(encoded);
  order::v1::CreateOrderRequest request;
  ASSERT_TRUE(request.ParseFromString(*encoded));
  EXPECT_EQ(request.idempotency_key(), "key-1");
}

TEST(TranscoderTest, AcceptedWhenTheResponseSaysSo) {
  const auto route = route_for("/CreateOrder");
  order::v1::Order order;
  order.set_status("PENDING");
  const auto pending = decode_response(route, order.SerializeAsString());
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->accepted);
  order.set_status("CONFIRMED");
  const auto settled = decode_response(route, order.SerializeAsString());
  ASSERT_TRUE(settled);
  EXPECT_FALSE(settled->accepted);
  EXPECT_NE(settled->json.find(R"("status":"CONFIRMED")"), std::string::npos);
}

TEST(TranscoderTest, RoutesWithoutTheRuleAreNeverAccepted) {
  user::v1::TokenPair pair;
  const auto json = decode_response(route_for("/Login"), pair.SerializeAsString());
  ASSERT_TRUE(json);
  EXPECT_FALSE(json->accepted);
}

}  // namespace
}  // namespace shop::gateway::routing
