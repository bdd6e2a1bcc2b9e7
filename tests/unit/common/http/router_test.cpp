#include "common/http/router.hpp"

#include <gtest/gtest.h>

namespace shop::common::http {
namespace {

Handler noop() {
  return [](const Request&, RequestContext&) -> boost::asio::awaitable<Response> {
    co_return Response{};
  };
}

TEST(RouterTest, MatchesLiteralAndPlaceholderSegments) {
  Router router;
  router.add(Verb::get, "/api/v1/products", noop());
  router.add(Verb::get, "/api/v1/products/{id}", noop());

  const auto list = router.match(Verb::get, "/api/v1/products");
  EXPECT_EQ(list.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(list.pattern, "/api/v1/products");

  const auto one = router.match(Verb::get, "/api/v1/products/42");
  ASSERT_EQ(one.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(one.pattern, "/api/v1/products/{id}");
  EXPECT_EQ(one.params.at("id"), "42");
}

TEST(RouterTest, DistinguishesUnknownPathFromWrongMethod) {
  Router router;
  router.add(Verb::post, "/api/v1/auth/login", noop());
  const auto wrong_method = router.match(Verb::get, "/api/v1/auth/login");
  EXPECT_EQ(wrong_method.kind, Router::Match::Kind::kMethodNotAllowed);
  EXPECT_EQ(wrong_method.allowed, std::vector<Verb>{Verb::post});
  EXPECT_EQ(router.match(Verb::post, "/api/v1/auth/logn").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.match(Verb::post, "/api/v1/auth/login/extra").kind,
            Router::Match::Kind::kNotFound);
}

TEST(RouterTest, PlaceholderNeverMatchesAnEmptySegment) {
  Router router;
  router.add(Verb::get, "/a/{id}/b", noop());
  EXPECT_EQ(router.match(Verb::get, "/a//b").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, SplitPathIgnoresOneTrailingSlash) {
  EXPECT_EQ(split_path("/a/b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(split_path("/"), (std::vector<std::string_view>{}));
  EXPECT_EQ(split_path("/a//b"), (std::vector<std::string_view>{"a", "", "b"}));
}

}  // namespace
}  // namespace shop::common::http
