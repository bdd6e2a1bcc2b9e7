#pragma once
// Keep-alive HTTP/1.1 connections to the search server. Opening a TCP connection per
// call costs more than a small search itself, so finished connections wait in a
// bounded idle list for the next call. Thread-safe; each call has one deadline
// covering connect, write and read, and returns a Result, never throws.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "common/errors.hpp"
#include "common/http/types.hpp"
#include "search/search_endpoint.hpp"

namespace shop::product::search {

class HttpConnectionPool : public std::enable_shared_from_this<HttpConnectionPool> {
 public:
  // No I/O here: the first call opens the first connection.
  static std::shared_ptr<HttpConnectionPool> create(boost::asio::any_io_executor executor,
                                                    SearchEndpoint endpoint, std::size_t max_idle);
  ~HttpConnectionPool();
  HttpConnectionPool(const HttpConnectionPool&) = delete;
  HttpConnectionPool& operator=(const HttpConnectionPool&) = delete;

  // Any HTTP status is a successful exchange; unreachable, reset or past the deadline
  // is kUnavailable. A kept-alive connection the server closed while it sat idle is
  // detected and the request goes once more over a fresh connection.
  boost::asio::awaitable<common::Result<common::http::Response>> send(
      common::http::Request request, std::chrono::milliseconds timeout);

  std::size_t idle_connections() const;

 private:
  struct Connection;
  struct Exchange;

  HttpConnectionPool(boost::asio::any_io_executor executor, SearchEndpoint endpoint,
                     std::size_t max_idle);

  std::unique_ptr<Connection> take_idle();
  void give_back(std::unique_ptr<Connection> connection);
  boost::asio::awaitable<common::Result<std::unique_ptr<Connection>>> connect(
      std::chrono::steady_clock::time_point deadline);
  static boost::asio::awaitable<Exchange> exchange(Connection& connection,
                                                   const common::http::Request& request,
                                                   std::chrono::steady_clock::time_point deadline);

  boost::asio::any_io_executor executor_;
  const SearchEndpoint endpoint_;
  const std::size_t max_idle_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace shop::product::search
