#pragma once
// Read access to a finished query. Values arrive in PostgreSQL's text format; the typed
// accessors parse them. Misreading a column (NULL into int64, a name that is not in the
// result) is a programming error against a known schema, so those accessors throw
// std::logic_error instead of returning a Result.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct pg_result;  // libpq's PGresult, kept out of this header

namespace shop::common::db {

// A view of one row; valid while the QueryResult it came from is alive.
class Row {
 public:
  Row(const pg_result* result, int row) : result_(result), row_(row) {}

  int columns() const;
  bool is_null(int column) const;
  // Empty for NULL; use optional_text() where NULL and "" differ.
  std::string_view text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t int64(int column) const;
  std::optional<std::int64_t> optional_int64(int column) const;
  bool boolean(int column) const;
  std::optional<bool> optional_boolean(int column) const;

 private:
  void check_column(int column) const;
  std::string_view non_null_text(int column, std::string_view wanted) const;

  const pg_result* result_;
  int row_;
};

class QueryResult {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;

    Iterator() = default;
    Iterator(const QueryResult* result, std::size_t index) : result_(result), index_(index) {}
    Row operator*() const { return (*result_)[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++index_;
      return before;
    }
    bool operator==(const Iterator& other) const { return index_ == other.index_; }

   private:
    const QueryResult* result_ = nullptr;
    std::size_t index_ = 0;
  };

  // An empty result: no rows, nothing affected.
  QueryResult() = default;
  // Takes ownership of a successful libpq result.
  explicit QueryResult(pg_result* result);

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  Row operator[](std::size_t index) const;
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

  // Rows inserted, updated, deleted, selected... as the command tag reports; 0 if none.
  std::int64_t affected_rows() const;
  // The command tag's verb and counts, e.g. "INSERT 0 1" or "ROLLBACK".
  std::string_view command_tag() const;
  // Index of the column named `name`; throws std::logic_error if there is none.
  int column(std::string_view name) const;

 private:
  std::shared_ptr<pg_result> result_;
};

}  // namespace shop::common::db
