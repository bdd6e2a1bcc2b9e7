#include "common/db/connection.hpp"

#include "common/db/connection_access.hpp"
#include "common/db/pool.hpp"
#include "common/db/session.hpp"

namespace shop::common::db {

Connection::Connection(std::shared_ptr<Pool> pool, std::shared_ptr<detail::Session> session)
    : pool_(std::move(pool)), session_(std::move(session)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    give_back();
    pool_ = std::move(other.pool_);
    session_ = std::move(other.session_);
  }
  return *this;
}

Connection::~Connection() { give_back(); }

void Connection::give_back() {
  if (session_) pool_->release(std::move(session_));
  session_.reset();
  pool_.reset();
}

boost::asio::awaitable<Result<QueryResult>> Connection::query(std::string_view sql, Params params) {
  co_return co_await session_->query(sql, params, pool_->config().query_timeout);
}

boost::asio::awaitable<Result<QueryResult>> Connection::query(std::string_view sql, Params params,
                                                              std::chrono::milliseconds timeout) {
  co_return co_await session_->query(sql, params, timeout);
}

namespace detail {

boost::asio::awaitable<Result<QueryResult>> ConnectionAccess::script(
    Connection& connection, std::string_view sql, std::chrono::milliseconds timeout) {
  co_return co_await connection.session_->script(sql, timeout);
}

void ConnectionAccess::close_on_release(Connection& connection) { connection.session_->retire(); }

}  // namespace detail
}  // namespace shop::common::db
