#pragma once
// Tests against the real search server: its URL comes from SHOP_TEST_SEARCH_URL, each
// test works under its own freshly named alias and deletes its indices afterwards,
// and coroutines run on an io_context served by several threads, as in the services.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "search/search_index_impl.hpp"
#include "support/io_runner.hpp"

namespace shop::product::search::testing {

class SearchIndexTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override;
  void TearDown() override;

  // Defaults with this test's server and alias.
  SearchIndexConfig base_config() const;
  std::shared_ptr<SearchIndexImpl> make_index(SearchIndexConfig config);

  // The HTTP status the server answers for a request (0 when there is no answer).
  int status_of(common::http::Verb verb, std::string target);

  // Runs every task to completion on kThreads threads; results in task order.
  template <class T>
  std::vector<T> run_all(std::vector<boost::asio::awaitable<T>> tasks) {
    return shop::testing::run_all(io_, kThreads, std::move(tasks));
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    return shop::testing::run_one(io_, kThreads, std::move(task));
  }

  boost::asio::io_context io_;
  SearchEndpoint endpoint_;
  std::string alias_;
  std::shared_ptr<SearchIndexImpl> index_;  // make_index(base_config()), after SetUp
};

}  // namespace shop::product::search::testing
