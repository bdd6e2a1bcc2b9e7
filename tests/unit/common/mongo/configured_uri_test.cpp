#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "common/mongo/client_pool.hpp"
#include "common/mongo/database.hpp"

namespace shop::common::mongo {
namespace {

using namespace std::chrono_literals;

std::int32_t option(const UriHandle& uri, const char* name) {
  return mongoc_uri_get_option_as_int32(uri.get(), name, -1);
}

TEST(ConfiguredUri, AppliesTheTimeoutAndPoolSizeOverTheUrisOwn) {
  const DatabaseConfig config{
      .uri = "mongodb://127.0.0.1:27017/shop_orders?socketTimeoutMS=99999&maxPoolSize=50",
      .threads = 3,
      .timeout = 1500ms};
  auto uri = configured_uri(config);
  ASSERT_TRUE(uri) << uri.error().detail;
  EXPECT_EQ(option(*uri, MONGOC_URI_SERVERSELECTIONTIMEOUTMS), 1500);
  EXPECT_EQ(option(*uri, MONGOC_URI_CONNECTTIMEOUTMS), 1500);
  EXPECT_EQ(option(*uri, MONGOC_URI_SOCKETTIMEOUTMS), 1500);
  EXPECT_EQ(option(*uri, MONGOC_URI_MAXPOOLSIZE), 3);
  EXPECT_STREQ(mongoc_uri_get_database(uri->get()), "shop_orders");
}

TEST(ConfiguredUri, RefusesWhatCannotWork) {
  const DatabaseConfig refused[] = {
      {.uri = "postgresql://127.0.0.1/shop"},
      {.uri = "mongodb://"},
      {.uri = "mongodb://127.0.0.1:27017"},
      {.uri = "mongodb://127.0.0.1:27017/"},
      {.uri = "mongodb://127.0.0.1:27017/db", .threads = 0},
      {.uri = "mongodb://127.0.0.1:27017/db", .timeout = 0ms},
      {.uri = "mongodb://127.0.0.1:27017/db", .timeout = -5ms},
      {.uri = "mongodb://127.0.0.1:27017/db", .timeout = std::chrono::hours(24 * 30)},
  };
  for (const auto& config : refused) {
    auto uri = configured_uri(config);
    EXPECT_FALSE(uri) << config.uri << " threads " << config.threads << " timeout "
                      << config.timeout.count();
    if (!uri) {
      EXPECT_EQ(uri.error().code, ErrorCode::kBadRequest) << config.uri;
    }
  }
}

TEST(MongoDatabaseCreate, FailsOnAnInvalidUriWithoutConnecting) {
  auto database = Database::create({.uri = "http://127.0.0.1:27017/shop_orders"});
  ASSERT_FALSE(database);
  EXPECT_EQ(database.error().code, ErrorCode::kBadRequest);
}

TEST(MongoDatabaseCreate, NamesItsDatabaseWithoutConnecting) {
  // Port 1: nothing listens there, and nothing here may have tried to connect.
  auto database = Database::create({.uri = "mongodb://127.0.0.1:1/shop_orders", .threads = 2});
  ASSERT_TRUE(database) << database.error().detail;
  EXPECT_EQ((*database)->name(), "shop_orders");
  EXPECT_EQ((*database)->config().threads, 2U);
}

}  // namespace
}  // namespace shop::common::mongo
