#pragma once
// BEGIN; body(connection); COMMIT. The body's error, or its exception, rolls back instead.

#include <boost/asio/awaitable.hpp>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include "common/db/connection.hpp"

namespace shop::common::db {

// Result<T> when the body is `awaitable<Result<T>> (Connection&)`.
template <class F>
using TransactionResult = typename std::invoke_result_t<F&, Connection&>::value_type;

namespace detail {
// PostgreSQL answers COMMIT of a transaction that already failed with a ROLLBACK tag and
// no error; a body that swallowed a failed statement must not be reported as committed.
Result<void> check_committed(const QueryResult& commit);
}  // namespace detail

template <class F>
boost::asio::awaitable<TransactionResult<F>> run_in_transaction(Connection& connection, F& body) {
  using R = TransactionResult<F>;
  static_assert(std::is_same_v<typename R::error_type, Error>,
                "a transaction body returns awaitable<Result<T>>");

  auto begun = co_await connection.query("BEGIN");
  if (!begun) co_return begun.error();

  std::optional<R> outcome;
  std::exception_ptr thrown;
  try {
    outcome.emplace(co_await body(connection));
  } catch (...) {
    thrown = std::current_exception();
  }
  if (thrown || !outcome->has_value()) {
    // If ROLLBACK fails too, the lease sees the open transaction and closes the connection.
    co_await connection.query("ROLLBACK");
    if (thrown) std::rethrow_exception(thrown);
    co_return std::move(*outcome);
  }

  auto committed = co_await connection.query("COMMIT");
  if (!committed) co_return committed.error();
  if (auto checked = detail::check_committed(*committed); !checked) co_return checked.error();
  co_return std::move(*outcome);
}

}  // namespace shop::common::db
