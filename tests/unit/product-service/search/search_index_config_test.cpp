#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "search/search_index_impl.hpp"

namespace shop::product::search {
namespace {

TEST(SearchIndexConfig, DefaultsServeTheLocalStack) {
  const SearchIndexConfig config;
  EXPECT_EQ(config.endpoint, (SearchEndpoint{"127.0.0.1", 9200}));
  EXPECT_EQ(config.alias, "products");
  EXPECT_LT(config.request_timeout, config.admin_timeout);
}

TEST(SearchIndexConfig, AnAliasThatIsNoIndexNameIsRefused) {
  boost::asio::io_context io;
  SearchIndexConfig config;
  config.alias = "Products";
  auto refused = SearchIndexImpl::create(io.get_executor(), config);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, common::ErrorCode::kBadRequest);
  config.alias = "products_eu";
  auto accepted = SearchIndexImpl::create(io.get_executor(), config);
  ASSERT_TRUE(accepted);
  EXPECT_EQ((*accepted)->alias(), "products_eu");
}

}  // namespace
}  // namespace shop::product::search
