#include "common/db/session.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <optional>
#include <vector>

#include "common/db/sql_error.hpp"

namespace shop::common::db::detail {
namespace {

using boost::asio::awaitable;
using boost::asio::use_awaitable;
using boost::asio::posix::descriptor_base;

// After a deadline the query is cancelled on the server; this bounds how long we wait for
// the server to confirm before giving up on the connection altogether.
constexpr std::chrono::milliseconds kCancelGrace{1000};
// Bounds server memory if a caller ever builds SQL text dynamically.
constexpr std::size_t kMaxPreparedStatements = 256;

// libpq prints notices (e.g. "relation already exists, skipping") to stderr by default,
// which would break the one-JSON-object-per-line log format.
void ignore_notice(void*, const char*) {}

std::string trimmed(const char* message) {
  std::string text = message == nullptr ? "" : message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

std::string_view error_field(const PGresult* result, int field) {
  const char* value = PQresultErrorField(result, field);
  return value == nullptr ? std::string_view{} : std::string_view{value};
}

std::string millis(std::chrono::milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

}  // namespace

Session::Session(const boost::asio::any_io_executor& executor, pg_conn* connection)
    : connection_(connection),
      strand_(boost::asio::make_strand(executor)),
      socket_(strand_),
      timer_(strand_) {}

Session::~Session() {
  if (socket_.is_open()) socket_.release();
  PQfinish(connection_);
}

awaitable<Result<std::shared_ptr<Session>>> Session::connect(boost::asio::any_io_executor executor,
                                                             std::string conninfo,
                                                             std::chrono::milliseconds timeout) {
  PGconn* raw = PQconnectStart(conninfo.c_str());
  if (raw == nullptr) co_return Error::unavailable("cannot allocate a database connection");
  auto session = std::make_shared<Session>(executor, raw);
  auto ready =
      co_await boost::asio::co_spawn(session->strand_, session->handshake(timeout), use_awaitable);
  if (!ready) co_return ready.error();
  co_return session;
}

awaitable<Result<void>> Session::handshake(std::chrono::milliseconds timeout) {
  if (PQstatus(connection_) == CONNECTION_BAD) {
    co_return connection_error("cannot connect to the database");
  }
  PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
  arm(timeout);
  // libpq's protocol for PQconnectPoll: act as if it had asked for writability first.
  PostgresPollingStatusType status = PGRES_POLLING_WRITING;
  while (status != PGRES_POLLING_OK) {
    if (status == PGRES_POLLING_FAILED) {
      disarm();
      co_return connection_error("cannot connect to the database");
    }
    // libpq may switch sockets while trying another address, so watch the current one.
    if (!watch_socket()) {
      disarm();
      co_return connection_error("cannot watch the database socket");
    }
    const Wait wait = co_await wait_for(
        status == PGRES_POLLING_READING ? descriptor_base::wait_read : descriptor_base::wait_write);
    if (wait != Wait::kReady) {
      disarm();
      broken_ = true;
      co_return Error::unavailable(
          wait == Wait::kTimedOut ? "timed out connecting to the database after " + millis(timeout)
                                  : "lost the database socket while connecting");
    }
    status = PQconnectPoll(connection_);
  }
  disarm();
  if (PQsetnonblocking(connection_, 1) != 0)
    co_return connection_error("cannot switch to non-blocking");
  co_return Result<void>{};
}

awaitable<Result<QueryResult>> Session::query(std::string_view sql, const Params& params,
                                              std::chrono::milliseconds timeout) {
  co_return co_await boost::asio::co_spawn(strand_, run(std::string(sql), &params, timeout),
                                           use_awaitable);
}

awaitable<Result<QueryResult>> Session::script(std::string_view sql,
                                               std::chrono::milliseconds timeout) {
  co_return co_await boost::asio::co_spawn(strand_, run(std::string(sql), nullptr, timeout),
                                           use_awaitable);
}

awaitable<Result<QueryResult>> Session::run(std::string sql, const Params* params,
                                            std::chrono::milliseconds timeout) {
  const auto self = shared_from_this();
  if (broken_) co_return Error::unavailable("the database connection is closed");
  if (params == nullptr) {
    const int sent = PQsendQuery(connection_, sql.c_str());
    co_return co_await exchange(sent, timeout);
  }
  std::vector<const char*> values;
  values.reserve(params->size());
  for (const Param& value : *params) values.push_back(value ? value->c_str() : nullptr);
  const int count = static_cast<int>(values.size());
  auto statement = co_await prepared_statement(sql, count, timeout);
  if (!statement) co_return statement.error();
  const int sent = statement->empty() ? PQsendQueryParams(connection_, sql.c_str(), count, nullptr,
                                                          values.data(), nullptr, nullptr, 0)
                                      : PQsendQueryPrepared(connection_, statement->c_str(), count,
                                                            values.data(), nullptr, nullptr, 0);
  co_return co_await exchange(sent, timeout);
}

// Statements are prepared once per connection and reused, so the server parses and plans
// each one once instead of on every call. An empty name means "run it unprepared".
awaitable<Result<std::string>> Session::prepared_statement(const std::string& sql, int parameters,
                                                           std::chrono::milliseconds timeout) {
  if (const auto found = prepared_.find(sql); found != prepared_.end()) co_return found->second;
  if (prepared_.size() >= kMaxPreparedStatements) co_return std::string();
  std::string name = "shop_" + std::to_string(prepared_.size() + 1);
  const int sent = PQsendPrepare(connection_, name.c_str(), sql.c_str(), parameters, nullptr);
  auto prepared = co_await exchange(sent, timeout);
  if (!prepared) co_return prepared.error();
  prepared_.emplace(sql, name);
  co_return name;
}

awaitable<Result<QueryResult>> Session::exchange(int sent, std::chrono::milliseconds timeout) {
  if (sent == 0) co_return connection_error("cannot send the query");

  arm(timeout);
  if (auto flushed = co_await flush(); !flushed) {
    disarm();
    co_return flushed.error();
  }
  auto outcome = co_await collect();
  disarm();
  if (!timed_out_) co_return outcome;

  // The server keeps running a query its client stopped waiting for; cancel it, then read
  // its results so the connection is in sync again and can be reused.
  if (PGcancel* cancel = PQgetCancel(connection_)) {
    std::array<char, 256> ignored{};
    PQcancel(cancel, ignored.data(), static_cast<int>(ignored.size()));
    PQfreeCancel(cancel);
  }
  arm(kCancelGrace);
  co_await collect();
  disarm();
  if (timed_out_) broken_ = true;
  co_return Error::deadline_exceeded("the query took longer than " + millis(timeout));
}

awaitable<Result<void>> Session::flush() {
  for (;;) {
    const int pending = PQflush(connection_);
    if (pending == 0) co_return Result<void>{};
    if (pending < 0) co_return connection_error("cannot send the query");
    const Wait wait = co_await wait_for(descriptor_base::wait_write);
    if (wait != Wait::kReady) {
      // Half a query is on the wire: nothing can bring this connection back in sync.
      broken_ = true;
      if (wait == Wait::kTimedOut)
        co_return Error::deadline_exceeded("timed out sending the query");
      co_return Error::unavailable("lost the database socket while sending");
    }
    // A server blocked on sending to us would never drain its input otherwise.
    if (PQconsumeInput(connection_) == 0)
      co_return connection_error("lost the database connection");
  }
}

awaitable<Result<QueryResult>> Session::collect() {
  std::optional<Error> failure;
  QueryResult last;
  for (;;) {
    if (PQconsumeInput(connection_) == 0)
      co_return connection_error("lost the database connection");
    while (PQisBusy(connection_) == 0) {
      PGresult* raw = PQgetResult(connection_);
      if (raw == nullptr) {
        if (PQstatus(connection_) == CONNECTION_BAD) broken_ = true;
        if (failure) co_return *failure;
        co_return last;
      }
      QueryResult owned(raw);
      switch (PQresultStatus(raw)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
          last = std::move(owned);
          break;
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
          broken_ = true;
          co_return Error::internal("COPY is not supported by this client");
        default: {
          if (failure) break;
          const std::string_view sqlstate = error_field(raw, PG_DIAG_SQLSTATE);
          if (sqlstate.empty()) {
            // No SQLSTATE means libpq itself failed, typically because the server went away.
            failure = PQstatus(connection_) == CONNECTION_BAD
                          ? Error::unavailable("database: " + trimmed(PQresultErrorMessage(raw)))
                          : Error::internal("database: " + trimmed(PQresultErrorMessage(raw)));
          } else {
            failure = map_server_error({sqlstate, error_field(raw, PG_DIAG_MESSAGE_PRIMARY),
                                        error_field(raw, PG_DIAG_CONSTRAINT_NAME)});
          }
        }
      }
    }
    const Wait wait = co_await wait_for(descriptor_base::wait_read);
    if (wait == Wait::kTimedOut) co_return Error::deadline_exceeded("query deadline passed");
    if (wait == Wait::kFailed) {
      broken_ = true;
      co_return Error::unavailable("lost the database socket");
    }
  }
}

awaitable<Session::Wait> Session::wait_for(descriptor_base::wait_type type) {
  boost::system::error_code ec;
  co_await socket_.async_wait(type, boost::asio::redirect_error(use_awaitable, ec));
  if (timed_out_) co_return Wait::kTimedOut;
  if (ec) co_return Wait::kFailed;
  co_return Wait::kReady;
}

bool Session::watch_socket() {
  const int fd = PQsocket(connection_);
  if (fd < 0) return false;
  if (socket_.is_open()) socket_.release();
  boost::system::error_code ec;
  socket_.assign(fd, ec);
  return !ec;
}

void Session::arm(std::chrono::milliseconds timeout) {
  timed_out_ = false;
  const std::uint64_t generation = ++deadline_generation_;
  timer_.expires_after(timeout);
  // Runs on the strand, like the waits it interrupts. The generation check ignores a
  // timer that fired just as its query finished and a newer deadline took over.
  timer_.async_wait([weak = weak_from_this(), generation](boost::system::error_code ec) {
    if (ec) return;
    const auto self = weak.lock();
    if (!self || self->deadline_generation_ != generation) return;
    self->timed_out_ = true;
    boost::system::error_code ignored;
    self->socket_.cancel(ignored);
  });
}

void Session::disarm() {
  ++deadline_generation_;
  timer_.cancel();
}

Error Session::connection_error(std::string_view what) {
  std::string detail(what);
  detail += ": ";
  detail += trimmed(PQerrorMessage(connection_));
  if (PQstatus(connection_) == CONNECTION_BAD) {
    broken_ = true;
    return Error::unavailable(std::move(detail));
  }
  return Error::internal(std::move(detail));
}

bool Session::reusable() const {
  return !broken_ && !retired_ && PQstatus(connection_) == CONNECTION_OK &&
         PQtransactionStatus(connection_) == PQTRANS_IDLE;
}

bool Session::still_alive() {
  // An idle connection only becomes readable when the server says something unasked:
  // usually the goodbye before it closes (restart, pg_terminate_backend, idle timeout).
  for (int round = 0; round < 4 && reusable(); ++round) {
    pollfd watched{PQsocket(connection_), POLLIN, 0};
    const int ready = ::poll(&watched, 1, 0);
    if (ready == 0) return true;
    if (ready < 0 || PQconsumeInput(connection_) == 0) {
      broken_ = true;
      return false;
    }
  }
  return reusable();
}

}  // namespace shop::common::db::detail
