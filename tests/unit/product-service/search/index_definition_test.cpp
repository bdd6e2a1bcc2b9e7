#include <gtest/gtest.h>

#include "sample_documents.hpp"
#include "search/document_json.hpp"
#include "search/index_definition.hpp"

namespace shop::product::search {
namespace {

const boost::json::object& properties(const boost::json::object& definition) {
  return definition.at("mappings").as_object().at("properties").as_object();
}

std::string type_of(const boost::json::object& definition, std::string_view field) {
  return std::string(properties(definition).at(field).as_object().at("type").as_string());
}

TEST(IndexDefinition, MappingIsStrict) {
  const auto definition = index_definition();
  EXPECT_EQ(definition.at("mappings").as_object().at("dynamic").as_string(), "strict");
}

// The mapping and the document must agree field for field: with a strict mapping an
// unmapped field makes every write fail.
TEST(IndexDefinition, MapsExactlyTheDocumentFields) {
  const auto definition = index_definition();
  const auto document = to_json(testing::sample_document("p-1"));
  EXPECT_EQ(properties(definition).size(), document.size());
  for (const auto& [key, unused] : document) {
    EXPECT_TRUE(properties(definition).contains(key)) << key << " is not mapped";
  }
}

TEST(IndexDefinition, FieldTypesFitTheirUse) {
  const auto definition = index_definition();
  for (const auto* field : {"id", "sku", "currency", "category_id", "category_path"}) {
    EXPECT_EQ(type_of(definition, field), "keyword") << field;
  }
  EXPECT_EQ(type_of(definition, "price_cents"), "long");
  EXPECT_EQ(type_of(definition, "stock_available"), "long");
  EXPECT_EQ(type_of(definition, "in_stock"), "boolean");
  EXPECT_EQ(type_of(definition, "created_at"), "date");
  EXPECT_EQ(type_of(definition, "updated_at"), "date");
  EXPECT_EQ(type_of(definition, "name"), "text");
  EXPECT_EQ(type_of(definition, "description"), "text");
}

TEST(IndexDefinition, NameAndDescriptionUseTheEnglishAnalyzer) {
  const auto definition = index_definition();
  for (const auto* field : {"name", "description"}) {
    EXPECT_EQ(properties(definition).at(field).as_object().at("analyzer").as_string(), "english");
  }
}

TEST(IndexDefinition, NameHasSortAndPrefixSubfields) {
  const auto definition = index_definition();
  const auto& subfields = properties(definition).at("name").as_object().at("fields").as_object();
  EXPECT_EQ(subfields.at("sort").as_object().at("type").as_string(), "keyword");
  const auto& prefix = subfields.at("prefix").as_object();
  EXPECT_EQ(prefix.at("analyzer").as_string(), "shop_prefix_index");
  EXPECT_EQ(prefix.at("search_analyzer").as_string(), "shop_prefix_search");
  EXPECT_EQ(std::string(kNameSortField), "name.sort");
  EXPECT_EQ(std::string(kNamePrefixField), "name.prefix");
}

TEST(IndexDefinition, SkuMatchesCaseInsensitively) {
  const auto definition = index_definition();
  EXPECT_EQ(properties(definition).at("sku").as_object().at("normalizer").as_string(),
            "shop_lowercase");
  const auto& analysis = definition.at("settings").as_object().at("analysis").as_object();
  EXPECT_TRUE(analysis.at("normalizer").as_object().contains("shop_lowercase"));
}

TEST(IndexDefinition, PrefixAnalyzerUsesEdgeNgrams) {
  const auto definition = index_definition();
  const auto& analysis = definition.at("settings").as_object().at("analysis").as_object();
  const auto& index_analyzer =
      analysis.at("analyzer").as_object().at("shop_prefix_index").as_object();
  const auto& filters = index_analyzer.at("filter").as_array();
  ASSERT_TRUE(filters.back().is_string());
  const auto& ngram = analysis.at("filter").as_object().at(filters.back().as_string()).as_object();
  EXPECT_EQ(ngram.at("type").as_string(), "edge_ngram");
  EXPECT_EQ(ngram.at("min_gram").as_int64(), 2);
  const auto& search_analyzer =
      analysis.at("analyzer").as_object().at("shop_prefix_search").as_object();
  for (const auto& filter : search_analyzer.at("filter").as_array()) {
    EXPECT_NE(filter.as_string(), filters.back().as_string()) << "queries must not be n-grammed";
  }
}

TEST(IndexDefinition, ShardsAndReplicasComeFromTheOptions) {
  const auto definition = index_definition({.shards = 3, .replicas = 2});
  const auto& index = definition.at("settings").as_object().at("index").as_object();
  EXPECT_EQ(index.at("number_of_shards").as_int64(), 3);
  EXPECT_EQ(index.at("number_of_replicas").as_int64(), 2);
  const auto defaults = index_definition();
  EXPECT_EQ(defaults.at("settings").as_object().at("index").as_object().at("number_of_replicas"),
            0);
}

}  // namespace
}  // namespace shop::product::search
