#include "database_fixture.hpp"

#include <cstdlib>
#include <random>

namespace shop::common::db::testing {

std::string unique_suffix() {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device entropy;
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string suffix;
  for (int i = 0; i < 10; ++i) suffix += kAlphabet[pick(entropy)];
  return suffix;
}

std::int64_t random_key() {
  std::random_device entropy;
  std::uniform_int_distribution<std::int64_t> pick(1, INT64_MAX);
  return pick(entropy);
}

std::string with_application_name(const std::string& conninfo, const std::string& name) {
  const bool uri = conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://");
  if (!uri) return conninfo + " application_name=" + name;
  return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") +
         "application_name=" + name;
}

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
