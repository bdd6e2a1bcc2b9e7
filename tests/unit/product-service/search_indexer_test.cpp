#include "jobs/search_indexer.hpp"

#include <gtest/gtest.h>

namespace shop::product::jobs {
namespace {

constexpr const char* kA = "0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";
constexpr const char* kB = "1b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";

common::mq::CloudEvent event(std::string type, std::string subject, boost::json::object data = {}) {
  common::mq::CloudEvent out;
  out.type = std::move(type);
  out.subject = std::move(subject);
  out.data = std::move(data);
  return out;
}

TEST(SearchIndexer, ProductEventsNameTheirSubject) {
  EXPECT_EQ(affected_products(event("product.updated", kA)), std::vector<std::string>{kA});
  EXPECT_EQ(affected_products(event("product.back_in_stock", kA)), std::vector<std::string>{kA});
  EXPECT_EQ(affected_products(event("stock.low", kA)), std::vector<std::string>{kA});
  EXPECT_TRUE(affected_products(event("product.updated", "not-a-uuid")).empty());
}

TEST(SearchIndexer, ReservationEventsNameEachProductOnce) {
  boost::json::array items;
  for (const char* id : {kB, kA, kB}) items.push_back(boost::json::object{{"product_id", id}});
  items.push_back(boost::json::object{{"product_id", 42}});
  items.push_back(boost::json::object{{"quantity", 1}});
  const auto ids = affected_products(event("stock.reserved", "order-1", {{"items", items}}));
  EXPECT_EQ(ids, (std::vector<std::string>{kA, kB}));
  EXPECT_TRUE(affected_products(event("stock.reserved", "order-1")).empty());
}

TEST(SearchIndexer, OnlyAReservationCanSellOut) {
  EXPECT_EQ(index_scope("product.created"), IndexScope::kEveryProduct);
  EXPECT_EQ(index_scope("product.deleted"), IndexScope::kEveryProduct);
  EXPECT_EQ(index_scope("product.back_in_stock"), IndexScope::kEveryProduct);
  EXPECT_EQ(index_scope("stock.reserved"), IndexScope::kSoldOutOnly);
  EXPECT_EQ(index_scope("stock.committed"), IndexScope::kNone);
  EXPECT_EQ(index_scope("stock.released"), IndexScope::kNone);
  EXPECT_EQ(index_scope("stock.returned"), IndexScope::kNone);
}

}  // namespace
}  // namespace shop::product::jobs
