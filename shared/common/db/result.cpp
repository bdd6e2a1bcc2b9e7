#include "common/db/result.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

namespace shop::common::db {
namespace {

std::logic_error misuse(std::string message) {
  return std::logic_error("db: " + std::move(message));
}

}  // namespace

int Row::columns() const { return PQnfields(result_); }

void Row::check_column(int column) const {
  if (column < 0 || column >= PQnfields(result_)) {
    throw misuse("column " + std::to_string(column) + " is out of range");
  }
}

bool Row::is_null(int column) const {
  check_column(column);
  return PQgetisnull(result_, row_, column) == 1;
}

std::string_view Row::text(int column) const {
  if (is_null(column)) return {};
  return {PQgetvalue(result_, row_, column),
          static_cast<std::size_t>(PQgetlength(result_, row_, column))};
}

std::string_view Row::non_null_text(int column, std::string_view wanted) const {
  if (is_null(column)) {
    throw misuse(std::string("column \"") + PQfname(result_, column) + "\" is NULL, wanted " +
                 std::string(wanted));
  }
  return text(column);
}

std::optional<std::string> Row::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return std::string(text(column));
}

std::int64_t Row::int64(int column) const {
  const std::string_view value = non_null_text(column, "an integer");
  std::int64_t parsed = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (ec != std::errc{} || end != value.data() + value.size()) {
    throw misuse(std::string("column \"") + PQfname(result_, column) + "\" holds \"" +
                 std::string(value) + "\", not an integer");
  }
  return parsed;
}

std::optional<std::int64_t> Row::optional_int64(int column) const {
  if (is_null(column)) return std::nullopt;
  return int64(column);
}

bool Row::boolean(int column) const {
  const std::string_view value = non_null_text(column, "a boolean");
  if (value == "t") return true;
  if (value == "f") return false;
  throw misuse(std::string("column \"") + PQfname(result_, column) + "\" holds \"" +
               std::string(value) + "\", not a boolean");
}

std::optional<bool> Row::optional_boolean(int column) const {
  if (is_null(column)) return std::nullopt;
  return boolean(column);
}

QueryResult::QueryResult(pg_result* result) : result_(result, PQclear) {}

std::size_t QueryResult::size() const {
  return result_ ? static_cast<std::size_t>(PQntuples(result_.get())) : 0;
}

Row QueryResult::operator[](std::size_t index) const {
  if (index >= size()) throw misuse("row " + std::to_string(index) + " is out of range");
  return Row(result_.get(), static_cast<int>(index));
}

std::int64_t QueryResult::affected_rows() const {
  if (!result_) return 0;
  const std::string_view tuples = PQcmdTuples(result_.get());
  std::int64_t count = 0;
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), count);
  return count;
}

std::string_view QueryResult::command_tag() const {
  return result_ ? PQcmdStatus(result_.get()) : std::string_view{};
}

int QueryResult::column(std::string_view name) const {
  // PQfnumber would fold case and strip quotes; columns here are matched exactly.
  const int count = result_ ? PQnfields(result_.get()) : 0;
  for (int i = 0; i < count; ++i) {
    if (name == PQfname(result_.get(), i)) return i;
  }
  throw misuse("no column named \"" + std::string(name) + "\"");
}

}  // namespace shop::common::db
