#pragma once
// The options and results of Database operations.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>

namespace shop::common::mongo {

struct FindOptions {
  boost::json::object sort{};        // {"seq": -1, "_id": 1}: keys in order of precedence
  boost::json::object projection{};  // {"_id": 0, "total": 1}; empty: whole documents
  std::int64_t limit = 0;            // 0: no limit
  std::int64_t skip = 0;
};

// Whether a write that matches nothing inserts the document instead.
enum class Upsert { kNo, kYes };

// Whether an index refuses two documents with the same key.
enum class Unique { kNo, kYes };

struct UpdateResult {
  std::int64_t matched = 0;
  std::int64_t modified = 0;
  std::optional<boost::json::value> upserted_id{};  // set when an upsert inserted
};

}  // namespace shop::common::mongo
