#pragma once
// One libpq connection driven by Asio, used by the pool and its leases only.
//
// Every operation runs on the session's own strand, so the deadline timer's handler and
// the socket waits never run at the same time even when the io_context has many
// threads. libpq owns the socket: the descriptor only watches it and is released,
// never closed.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/db/params.hpp"
#include "common/db/result.hpp"
#include "common/errors.hpp"

struct pg_conn;  // libpq's PGconn

namespace shop::common::db::detail {

class Session : public std::enable_shared_from_this<Session> {
 public:
  static boost::asio::awaitable<Result<std::shared_ptr<Session>>> connect(
      boost::asio::any_io_executor executor, std::string conninfo,
      std::chrono::milliseconds timeout);

  // Takes ownership of a connection PQconnectStart has begun.
  Session(const boost::asio::any_io_executor& executor, pg_conn* connection);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // One parameterized statement (extended protocol).
  boost::asio::awaitable<Result<QueryResult>> query(std::string_view sql, const Params& params,
                                                    std::chrono::milliseconds timeout);
  // Several trusted statements without parameters (simple protocol), for migrations.
  boost::asio::awaitable<Result<QueryResult>> script(std::string_view sql,
                                                     std::chrono::milliseconds timeout);

  // Whether the session can serve the next lease: not broken and outside any transaction.
  bool reusable() const;
  // Checks without blocking whether an idle session's server went away since its last use.
  bool still_alive();
  // Makes the pool close this session instead of reusing it; it still serves its lease.
  void retire() { retired_ = true; }

 private:
  enum class Wait { kReady, kTimedOut, kFailed };

  boost::asio::awaitable<Result<void>> handshake(std::chrono::milliseconds timeout);
  boost::asio::awaitable<Result<QueryResult>> run(std::string sql, const Params* params,
                                                  std::chrono::milliseconds timeout);
  boost::asio::awaitable<Result<std::string>> prepared_statement(const std::string& sql,
                                                                 int parameters,
                                                                 std::chrono::milliseconds timeout);
  // Waits for the results of what PQsend* queued (`sent` is its return value).
  boost::asio::awaitable<Result<QueryResult>> exchange(int sent, std::chrono::milliseconds timeout);
  boost::asio::awaitable<Result<void>> flush();
  boost::asio::awaitable<Result<QueryResult>> collect();
  boost::asio::awaitable<Wait> wait_for(boost::asio::posix::descriptor_base::wait_type type);
  bool watch_socket();
  void arm(std::chrono::milliseconds timeout);
  void disarm();
  Error connection_error(std::string_view what);

  pg_conn* connection_;
  boost::asio::strand<boost::asio::any_io_executor> strand_;
  boost::asio::posix::stream_descriptor socket_;
  boost::asio::steady_timer timer_;
  std::uint64_t deadline_generation_ = 0;
  bool timed_out_ = false;
  bool broken_ = false;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  bool retired_ = false;
};

}  // namespace shop::common::db::detail
