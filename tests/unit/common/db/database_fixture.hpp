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

namespace shop::common::db::testing {

// Lower-case letters and digits, safe inside SQL identifiers.
std::string unique_suffix();
std::int64_t random_key();
// Adds application_name to a keyword/value conninfo or a postgresql:// URI.
std::string with_application_name(const std::string& conninfo, const std::string& name);

class DatabaseTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override;

  std::shared_ptr<Pool> make_pool(PoolConfig config = {});

  // Runs every task to completion on kThreads threads; results in task order.
  template <class T>
  std::vector<T> run_all(std::vector<boost::asio::awaitable<T>> tasks) {
    std::vector<std::future<T>> futures;
    for (auto& task : tasks) {
      futures.push_back(boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future));
    }
    io_.restart();
    std::vector<std::thread> threads;
    for (int i = 1; i < kThreads; ++i) threads.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& thread : threads) thread.join();
    std::vector<T> results;
    for (auto& future : futures) results.push_back(future.get());
    return results;
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    std::vector<boost::asio::awaitable<T>> tasks;
    tasks.push_back(std::move(task));
    return std::move(run_all(std::move(tasks)).front());
  }

  // A statement that must succeed, run through its own short-lived pool.
  QueryResult must(std::string_view sql, Params params = {});

  boost::asio::io_context io_;
  std::string conninfo_;
  std::string suffix_ = unique_suffix();
};

}  // namespace shop::common::db::testing
