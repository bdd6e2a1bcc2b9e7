#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "search/index_aliases.hpp"

namespace shop::product::search {
namespace {

namespace json = boost::json;
using std::chrono::system_clock;

system_clock::time_point at_utc(int year, int month, int day, int hour, int minute, int second,
                                std::chrono::microseconds micros) {
  using namespace std::chrono;
  const auto date = sys_days{year_month_day{std::chrono::year{year},
                                            std::chrono::month{static_cast<unsigned>(month)},
                                            std::chrono::day{static_cast<unsigned>(day)}}};
  return date + hours{hour} + minutes{minute} + seconds{second} + micros;
}

TEST(IndexNames, VersionedNameCarriesTheUtcTimeToTheMicrosecond) {
  const auto when = at_utc(2026, 3, 4, 5, 6, 7, std::chrono::microseconds{89});
  EXPECT_EQ(versioned_index_name("products", when), "products_v20260304050607000089");
}

TEST(IndexNames, LaterNamesSortAfterEarlierOnes) {
  const auto first = at_utc(2026, 12, 31, 23, 59, 59, std::chrono::microseconds{999'999});
  const auto second = first + std::chrono::microseconds{1};
  EXPECT_LT(versioned_index_name("products", first), versioned_index_name("products", second));
  EXPECT_LT(versioned_index_name("p", at_utc(2026, 1, 9, 0, 0, 0, {})),
            versioned_index_name("p", at_utc(2026, 1, 10, 0, 0, 0, {})));
}

TEST(IndexNames, VersionedNamesAreValidIndexNames) {
  EXPECT_TRUE(is_valid_alias(versioned_index_name("products", system_clock::now())));
}

TEST(IndexNames, AliasRules) {
  for (const auto* good : {"products", "products_it_abc123", "p-1", "a"}) {
    EXPECT_TRUE(is_valid_alias(good)) << good;
  }
  for (const auto* bad : {"", "Products", "_products", "-products", "pro ducts", "pro/ducts",
                          "pro*ducts", "products,other", ".hidden"}) {
    EXPECT_FALSE(is_valid_alias(bad)) << bad;
  }
  EXPECT_TRUE(is_valid_alias(std::string(100, 'a')));
  EXPECT_FALSE(is_valid_alias(std::string(101, 'a')));
}

TEST(AliasSwap, RemovesFromEveryOldIndexAndAddsToTheNewInOneBody) {
  const auto body = alias_swap_body("products", {"products_v1", "products_v2"}, "products_v3");
  EXPECT_EQ(body, json::parse(R"({"actions":[
      {"remove":{"index":"products_v1","alias":"products"}},
      {"remove":{"index":"products_v2","alias":"products"}},
      {"add":{"index":"products_v3","alias":"products"}}]})"));
}

TEST(AliasSwap, FirstIndexOnlyAdds) {
  EXPECT_EQ(alias_swap_body("products", {}, "products_v1"),
            json::parse(R"({"actions":[{"add":{"index":"products_v1","alias":"products"}}]})"));
}

TEST(AliasAnswer, ListsIndicesSorted) {
  auto indices = parse_alias_indices(
      R"({"products_v2":{"aliases":{"products":{}}},"products_v1":{"aliases":{"products":{}}}})");
  ASSERT_TRUE(indices) << indices.error().detail;
  EXPECT_EQ(*indices, (std::vector<std::string>{"products_v1", "products_v2"}));
  auto none = parse_alias_indices("{}");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST(AliasAnswer, MalformedAnswersAreErrors) {
  EXPECT_FALSE(parse_alias_indices(""));
  EXPECT_FALSE(parse_alias_indices("[]"));
  EXPECT_FALSE(parse_alias_indices(R"({"products_v1":{}})"));
  EXPECT_FALSE(parse_alias_indices(R"({"products_v1":7})"));
}

}  // namespace
}  // namespace shop::product::search
