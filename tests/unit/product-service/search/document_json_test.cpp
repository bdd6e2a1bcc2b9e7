#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "sample_documents.hpp"
#include "search/document_json.hpp"

namespace shop::product::search {
namespace {

using testing::sample_document;

TEST(DocumentJson, RoundTripsEveryField) {
  const auto document = sample_document("p-1");
  const auto json = to_json(document);
  EXPECT_EQ(json.size(), 12U);
  EXPECT_EQ(json.at("price_cents").as_int64(), 8'999);
  EXPECT_EQ(json.at("category_path").as_array().size(), 2U);
  EXPECT_TRUE(json.at("in_stock").as_bool());
  auto back = document_from_json(json);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(*back, document);
}

TEST(DocumentJson, EmptyCategoryPathAndDescriptionSurvive) {
  auto document = sample_document("p-2");
  document.category_path.clear();
  document.description.clear();
  auto back = document_from_json(to_json(document));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, document);
}

TEST(DocumentJson, EachMissingFieldIsAnErrorNamingIt) {
  const auto full = to_json(sample_document("p-3"));
  for (const auto& [key, unused] : full) {
    auto partial = full;
    partial.erase(key);
    auto parsed = document_from_json(partial);
    ASSERT_FALSE(parsed) << "accepted a document without " << key;
    EXPECT_EQ(parsed.error().code, common::ErrorCode::kInternal);
    EXPECT_NE(parsed.error().detail.find(std::string(key)), std::string::npos)
        << parsed.error().detail;
  }
}

TEST(DocumentJson, WrongTypesAreRefused) {
  const auto full = to_json(sample_document("p-4"));
  const std::vector<std::pair<std::string, boost::json::value>> wrong{
      {"price_cents", "8999"},
      {"price_cents", 89.99},
      {"stock_available", true},
      {"in_stock", 1},
      {"name", 5},
      {"category_path", "shoes"},
      {"category_path", boost::json::array{"shoes", 7}},
      {"created_at", nullptr},
  };
  for (const auto& [key, value] : wrong) {
    auto changed = full;
    changed[key] = value;
    EXPECT_FALSE(document_from_json(changed)) << key << " = " << value;
  }
}

TEST(DocumentJson, LargeUnsignedNumbersAreRefused) {
  auto changed = to_json(sample_document("p-5"));
  changed["price_cents"] = boost::json::parse("18446744073709551615");
  EXPECT_FALSE(document_from_json(changed));
  changed["price_cents"] = boost::json::parse("9223372036854775807");
  EXPECT_TRUE(document_from_json(changed));
}

}  // namespace
}  // namespace shop::product::search
