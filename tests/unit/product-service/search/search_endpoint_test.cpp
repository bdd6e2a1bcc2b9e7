#include <gtest/gtest.h>

#include "search/search_endpoint.hpp"

namespace shop::product::search {
namespace {

TEST(SearchUrl, HostAndPort) {
  auto endpoint = parse_search_url("http://127.0.0.1:9200");
  ASSERT_TRUE(endpoint) << endpoint.error().detail;
  EXPECT_EQ(*endpoint, (SearchEndpoint{"127.0.0.1", 9200}));
  EXPECT_EQ(*parse_search_url("http://search-node:19201/"), (SearchEndpoint{"search-node", 19201}));
}

TEST(SearchUrl, PortDefaultsToTheSearchServerPort) {
  EXPECT_EQ(*parse_search_url("http://localhost"), (SearchEndpoint{"localhost", 9200}));
  EXPECT_EQ(*parse_search_url("http://localhost/"), (SearchEndpoint{"localhost", 9200}));
}

TEST(SearchUrl, RefusesWhatItCannotUse) {
  for (const auto* url :
       {"", "127.0.0.1:9200", "https://127.0.0.1:9200", "http://", "http://:9200", "http://host:0",
        "http://host:65536", "http://host:92a0", "http://host:", "http://host:9200/prefix",
        "http://user@host:9200", "http://host:9200?x=1"}) {
    auto endpoint = parse_search_url(url);
    ASSERT_FALSE(endpoint) << url;
    EXPECT_EQ(endpoint.error().code, common::ErrorCode::kBadRequest);
  }
}

}  // namespace
}  // namespace shop::product::search
