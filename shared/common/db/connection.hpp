#pragma once
// A connection leased from the Pool. Destroying the lease gives the connection back; a
// connection that broke, or that is still inside a transaction, is closed instead and the
// pool opens a fresh one when it next needs it.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <memory>
#include <string_view>

#include "common/db/params.hpp"
#include "common/db/result.hpp"
#include "common/errors.hpp"

namespace shop::common::db {

class Pool;

namespace detail {
class Session;
struct ConnectionAccess;
}  // namespace detail

class Connection {
 public:
  Connection(Connection&& other) noexcept = default;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  // One statement with $1..$n placeholders, bounded by the pool's query_timeout.
  boost::asio::awaitable<Result<QueryResult>> query(std::string_view sql, Params params = {});
  // The same with a deadline of its own, for statements known to be slow or urgent.
  boost::asio::awaitable<Result<QueryResult>> query(std::string_view sql, Params params,
                                                    std::chrono::milliseconds timeout);

 private:
  friend class Pool;
  friend struct detail::ConnectionAccess;

  Connection(std::shared_ptr<Pool> pool, std::shared_ptr<detail::Session> session);
  void give_back();

  std::shared_ptr<Pool> pool_;
  std::shared_ptr<detail::Session> session_;
};

}  // namespace shop::common::db
