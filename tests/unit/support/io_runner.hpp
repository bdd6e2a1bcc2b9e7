#pragma once
// Runs coroutines to completion on an io_context served by several threads, as in the
// services, and hands back their results in task order.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <future>
#include <thread>
#include <vector>

namespace shop::testing {

template <class T>
std::vector<T> run_all(boost::asio::io_context& io, int threads,
                       std::vector<boost::asio::awaitable<T>> tasks) {
  std::vector<std::future<T>> futures;
  for (auto& task : tasks)
    futures.push_back(boost::asio::co_spawn(io, std::move(task), boost::asio::use_future));
  io.restart();
  std::vector<std::thread> helpers;
  for (int i = 1; i < threads; ++i) helpers.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& helper : helpers) helper.join();
  std::vector<T> results;
  for (auto& future : futures) results.push_back(future.get());
  return results;
}

template <class T>
T run_one(boost::asio::io_context& io, int threads, boost::asio::awaitable<T> task) {
  std::vector<boost::asio::awaitable<T>> tasks;
  tasks.push_back(std::move(task));
  return std::move(run_all(io, threads, std::move(tasks)).front());
}

}  // namespace shop::testing
