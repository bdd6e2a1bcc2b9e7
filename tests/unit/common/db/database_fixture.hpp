#pragma once
// Shared set-up for tests against a real PostgreSQL: the server comes from
// SHOP_TEST_DATABASE_URL, every object a test creates carries a fresh random suffix so
// reruns never collide, and coroutines run on an io_context served by several threads,
// as in the services.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/db/pool.hpp"
#include "support/io_runner.hpp"
#include "support/unique_names.hpp"

namespace shop::common::db::testing {

using shop::testing::random_key;
using shop::testing::unique_suffix;

class DatabaseTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override;

  std::shared_ptr<Pool> make_pool(PoolConfig config = {});

  // Runs every task to completion on kThreads threads; results in task order.
  template <class T>
  std::vector<T> run_all(std::vector<boost::asio::awaitable<T>> tasks) {
    return shop::testing::run_all(io_, kThreads, std::move(tasks));
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    return shop::testing::run_one(io_, kThreads, std::move(task));
  }

  // A statement that must succeed, run through its own short-lived pool.
  QueryResult must(std::string_view sql, Params params = {});

  boost::asio::io_context io_;
  std::string conninfo_;
  std::string suffix_ = unique_suffix();
};

}  // namespace shop::common::db::testing
