#include "search/index_definition.hpp"

#include <boost/json/array.hpp>

namespace shop::product::search {
namespace {

boost::json::object analysis() {
  // Prefix search ("lap" finds "laptop"): names are indexed as edge n-grams and the
  // query side is only lower-cased, so the typed prefix matches a stored n-gram.
  return {
      {"filter",
       {{"shop_edge_ngram", {{"type", "edge_ngram"}, {"min_gram", 2}, {"max_gram", 20}}}}},
      {"analyzer",
       {{"shop_prefix_index",
         {{"type", "custom"},
          {"tokenizer", "standard"},
          {"filter", boost::json::array{"lowercase", "asciifolding", "shop_edge_ngram"}}}},
        {"shop_prefix_search",
         {{"type", "custom"},
          {"tokenizer", "standard"},
          {"filter", boost::json::array{"lowercase", "asciifolding"}}}}}},
      {"normalizer",
       {{"shop_lowercase",
         {{"type", "custom"}, {"filter", boost::json::array{"lowercase", "asciifolding"}}}}}},
  };
}

boost::json::object keyword() { return {{"type", "keyword"}}; }

boost::json::object properties() {
  return {
      {"id", keyword()},
      {"sku", {{"type", "keyword"}, {"normalizer", "shop_lowercase"}}},
      {"name",
       {{"type", "text"},
        {"analyzer", "english"},
        {"fields",
         {{"sort", {{"type", "keyword"}, {"normalizer", "shop_lowercase"}, {"ignore_above", 256}}},
          {"prefix",
           {{"type", "text"},
            {"analyzer", "shop_prefix_index"},
            {"search_analyzer", "shop_prefix_search"}}}}}}},
      {"description", {{"type", "text"}, {"analyzer", "english"}}},
      {"price_cents", {{"type", "long"}}},
      {"currency", keyword()},
      {"category_id", keyword()},
      {"category_path", keyword()},
      {"stock_available", {{"type", "long"}}},
      {"in_stock", {{"type", "boolean"}}},
      {"created_at", {{"type", "date"}, {"format", "strict_date_optional_time"}}},
      {"updated_at", {{"type", "date"}, {"format", "strict_date_optional_time"}}},
  };
}

}  // namespace

boost::json::object index_definition(const IndexOptions& options) {
  return {
      {"settings",
       {{"index", {{"number_of_shards", options.shards}, {"number_of_replicas", options.replicas}}},
        {"analysis", analysis()}}},
      {"mappings", {{"dynamic", "strict"}, {"properties", properties()}}},
  };
}

}  // namespace shop::product::search
