#include "search_index_fixture.hpp"

#include <cstdlib>

#include "support/unique_names.hpp"

namespace shop::product::search::testing {
void SearchIndexTest::SetUp() {
  const char* url = std::getenv("SHOP_TEST_SEARCH_URL");
  if (url == nullptr || *url == '\0') {
    GTEST_FAIL() << "SHOP_TEST_SEARCH_URL is not set: these tests need the search server, "
                    "e.g. http://127.0.0.1:9200 (scripts/lib/opensearch.sh start)";
  }
  auto endpoint = parse_search_url(url);
  ASSERT_TRUE(endpoint) << endpoint.error().detail;
  endpoint_ = *endpoint;
  alias_ = "it_products_" + shop::testing::unique_suffix();
  index_ = make_index(base_config());
}

void SearchIndexTest::TearDown() {
  if (!index_) return;
  auto dropped = run(index_->drop());
  EXPECT_TRUE(dropped) << dropped.error().detail;
}

SearchIndexConfig SearchIndexTest::base_config() const {
  SearchIndexConfig config;
  config.endpoint = endpoint_;
  config.alias = alias_;
  return config;
}

std::shared_ptr<SearchIndexImpl> SearchIndexTest::make_index(SearchIndexConfig config) {
  auto index = SearchIndexImpl::create(io_.get_executor(), std::move(config));
  EXPECT_TRUE(index) << index.error().detail;
  return index ? *index : nullptr;
}

int SearchIndexTest::status_of(common::http::Verb verb, std::string target) {
  auto pool = HttpConnectionPool::create(io_.get_executor(), endpoint_, 1);
  common::http::Request request{verb, std::move(target), 11};
  auto response = run(pool->send(std::move(request), std::chrono::milliseconds(5000)));
  return response ? static_cast<int>(response->result_int()) : 0;
}

}  // namespace shop::product::search::testing
