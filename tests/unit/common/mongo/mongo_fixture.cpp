#include "mongo_fixture.hpp"

#include <cstdlib>

namespace shop::common::mongo::testing {

void MongoTest::SetUp() {
  const char* url = std::getenv("SHOP_TEST_MONGO_URL");
  if (url == nullptr || *url == '\0') {
    GTEST_FAIL() << "SHOP_TEST_MONGO_URL is not set: these tests need a MongoDB-API server, "
                    "e.g. mongodb://127.0.0.1:27017/shop_test (scripts/lib/ferretdb.sh start)";
  }
  url_ = url;
  db_ = connect();
  ASSERT_NE(db_, nullptr);
  auto ping = run(db_->ping());
  ASSERT_TRUE(ping) << "no answer from " << url_ << ": " << ping.error().detail;
}

void MongoTest::TearDown() {
  if (db_ == nullptr) return;
  for (const auto& name : collections_) {
    auto dropped = run(db_->drop_collection(name));
    EXPECT_TRUE(dropped) << "dropping " << name << ": " << dropped.error().detail;
  }
}

std::shared_ptr<Database> MongoTest::connect(DatabaseConfig config) {
  config.uri = url_;
  auto database = Database::create(std::move(config));
  EXPECT_TRUE(database) << database.error().detail;
  return database ? *database : nullptr;
}

std::string MongoTest::collection(std::string_view name) {
  collections_.push_back(std::string(name) + "_" + suffix_);
  return collections_.back();
}

}  // namespace shop::common::mongo::testing
