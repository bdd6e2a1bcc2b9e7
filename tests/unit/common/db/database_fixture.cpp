#include "database_fixture.hpp"

#include <cstdlib>

namespace shop::common::db::testing {

void DatabaseTest::SetUp() {
  const char* url = std::getenv("SHOP_TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') {
    GTEST_FAIL() << "SHOP_TEST_DATABASE_URL is not set: integration tests need a PostgreSQL "
                    "conninfo, e.g. \"host=127.0.0.1 port=5432 user=postgres dbname=postgres\"";
  }
  conninfo_ = url;
}

std::shared_ptr<Pool> DatabaseTest::make_pool(PoolConfig config) {
  if (config.conninfo.empty()) config.conninfo = conninfo_;
  return Pool::create(io_.get_executor(), std::move(config));
}

QueryResult DatabaseTest::must(std::string_view sql, Params params) {
  auto pool = make_pool({.size = 1});
  auto result = run(pool->query(sql, std::move(params)));
  if (!result) {
    ADD_FAILURE() << "setup statement failed: " << sql << ": " << result.error().detail;
    return {};
  }
  return *result;
}

}  // namespace shop::common::db::testing
