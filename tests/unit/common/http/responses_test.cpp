#include "common/http/responses.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace shop::common::http {
namespace {

TEST(ResponsesTest, ProblemCarriesStatusTitleAndFieldErrors) {
  const auto response =
      problem_response(Error::validation({{"email", "must be a valid email address"}}));
  EXPECT_EQ(response.result_int(), 422u);
  EXPECT_EQ(response[beast_http::field::content_type], "application/problem+json");
  const auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 422);
  EXPECT_EQ(body.at("title").as_string(), "Validation Failed");
  EXPECT_TRUE(body.at("type").as_string().ends_with("/validation"));
  const auto& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("field").as_string(), "email");
}

TEST(ResponsesTest, EveryErrorCodeMapsToItsHttpStatus) {
  EXPECT_EQ(problem_response(Error::bad_request("x")).result_int(), 400u);
  EXPECT_EQ(problem_response(Error::unauthenticated("x")).result_int(), 401u);
  EXPECT_EQ(problem_response(Error::forbidden("x")).result_int(), 403u);
  EXPECT_EQ(problem_response(Error::not_found("x")).result_int(), 404u);
  EXPECT_EQ(problem_response(Error::conflict("x")).result_int(), 409u);
  EXPECT_EQ(problem_response(Error::unavailable("x")).result_int(), 503u);
  EXPECT_EQ(problem_response(Error::deadline_exceeded("x")).result_int(), 504u);
  EXPECT_EQ(problem_response(Error::internal("x")).result_int(), 500u);
}

TEST(ResponsesTest, ProblemWithoutFieldErrorsHasNoErrorsMember) {
  const auto body = boost::json::parse(problem_body(Error::not_found("no such user"))).as_object();
  EXPECT_FALSE(body.contains("errors"));
  EXPECT_EQ(body.at("detail").as_string(), "no such user");
}

}  // namespace
}  // namespace shop::common::http
