#pragma once
// Shared set-up for tests against a real MongoDB-API server (FerretDB of the local
// stack): the server comes from SHOP_TEST_MONGO_URL, each test works in collections
// named with a fresh random suffix (dropped at the end), and coroutines run on an
// io_context served by several threads, as in the services.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/mongo/database.hpp"
#include "support/io_runner.hpp"
#include "support/unique_names.hpp"

namespace shop::common::mongo::testing {

class MongoTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override;
  void TearDown() override;

  // A Database on the test server; `config.uri` is filled in.
  std::shared_ptr<Database> connect(DatabaseConfig config = {});
  // "<name>_<suffix>", dropped when the test ends.
  std::string collection(std::string_view name);

  template <class T>
  std::vector<T> run_all(std::vector<boost::asio::awaitable<T>> tasks) {
    return shop::testing::run_all(io_, kThreads, std::move(tasks));
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    return shop::testing::run_one(io_, kThreads, std::move(task));
  }

  boost::asio::io_context io_;
  std::string url_;
  std::shared_ptr<Database> db_;

 private:
  std::string suffix_ = shop::testing::unique_suffix();
  std::vector<std::string> collections_;
};

}  // namespace shop::common::mongo::testing
