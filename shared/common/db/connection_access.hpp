#pragma once
// Operations on a leased connection that application code must not reach: running
// unparameterized SQL scripts and forcing the connection closed. Migrations need both.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <string_view>

#include "common/db/connection.hpp"

namespace shop::common::db::detail {

struct ConnectionAccess {
  static boost::asio::awaitable<Result<QueryResult>> script(Connection& connection,
                                                            std::string_view sql,
                                                            std::chrono::milliseconds timeout);
  static void close_on_release(Connection& connection);
};

}  // namespace shop::common::db::detail
