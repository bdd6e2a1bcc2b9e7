#pragma once
// A bounded, thread-safe pool of PostgreSQL connections for one io_context (which may be
// run by several threads). Connections open lazily, on first need; callers beyond `size`
// queue in arrival order until a connection comes back.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/db/connection.hpp"
#include "common/db/params.hpp"
#include "common/db/result.hpp"
#include "common/db/transaction.hpp"
#include "common/errors.hpp"

namespace shop::common::db {

namespace detail {
class Session;
template <class Item>
class LeaseQueue;
}  // namespace detail

struct PoolConfig {
  std::string conninfo{};  // libpq keyword/value string or postgresql:// URI
  std::size_t size = 8;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds query_timeout{5000};
  // How long a caller queues for a free connection before getting kUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
};

struct PoolStats {
  std::size_t open = 0;     // connections open or being opened
  std::size_t idle = 0;     // open and not leased
  std::size_t waiting = 0;  // callers queued for a connection
};

class Pool : public std::enable_shared_from_this<Pool> {
 public:
  // No I/O here: the first query opens the first connection.
  static std::shared_ptr<Pool> create(boost::asio::any_io_executor executor, PoolConfig config);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  boost::asio::awaitable<Result<Connection>> acquire();

  boost::asio::awaitable<Result<QueryResult>> query(std::string_view sql, Params params = {});
  boost::asio::awaitable<Result<QueryResult>> query(std::string_view sql, Params params,
                                                    std::chrono::milliseconds timeout);
  // A statement whose rows nobody reads: only whether it worked.
  boost::asio::awaitable<Result<void>> execute(std::string_view sql, Params params = {});

  // body: (Connection&) -> awaitable<Result<T>>, T may be void. Commits when the body
  // returns a value; rolls back when it returns an error or throws (and rethrows).
  template <class F>
  boost::asio::awaitable<TransactionResult<F>> transaction(F body) {
    auto connection = co_await acquire();
    if (!connection) co_return connection.error();
    co_return co_await run_in_transaction(*connection, body);
  }

  // SELECT 1 within about a second, connection included: for /ready and /health.
  boost::asio::awaitable<bool> ping();

  const PoolConfig& config() const { return config_; }
  PoolStats stats() const;

 private:
  friend class Connection;

  Pool(boost::asio::any_io_executor executor, PoolConfig config);
  // Without a deadline, waiting and connecting use the configured timeouts.
  boost::asio::awaitable<Result<Connection>> acquire_before(
      std::optional<std::chrono::steady_clock::time_point> deadline);
  void release(std::shared_ptr<detail::Session> session);

  boost::asio::any_io_executor executor_;
  PoolConfig config_;
  std::shared_ptr<detail::LeaseQueue<detail::Session>> leases_;
};

}  // namespace shop::common::db
