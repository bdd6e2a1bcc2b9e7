#pragma once
// Documents cross this library's API as boost::json::object and the driver as BSON. The
// two meet in MongoDB Extended JSON v2, read and written by libbson:
//
//   JSON -> BSON  integer          int32 when it fits, else int64; above INT64_MAX refused
//                 real             double
//                 string, true/false, null, array, object   as themselves
//                 a type wrapper   that type: {"$oid": "<24 hex>"} ObjectId,
//                                  {"$date": "<ISO-8601>"} datetime, {"$numberLong": "<n>"}
//                                  int64, {"$numberDecimal": "<n>"} decimal128, ...
//   BSON -> JSON  int32, int64     integer (exact: every int64 fits boost::json's int64)
//                 double           real; NaN and +-Infinity as {"$numberDouble": "NaN"}
//                 other types      their relaxed wrapper: {"$oid": ...}, {"$date":
//                                  "<ISO-8601>"} for years 1970-9999, else
//                                  {"$date": {"$numberLong": "<ms>"}}, ...
//
// So integers (64-bit included), reals, strings and wrappers round-trip unchanged; only
// whether an integer is stored as int32 or int64 follows from its value (MongoDB
// compares numbers by value, so queries, sorts and unique indexes do not see the width).
// Object keys keep their order (sort specifications depend on it).

#include <bson/bson.h>

#include <boost/json/object.hpp>
#include <utility>

#include "common/errors.hpp"

namespace shop::common::mongo {

// Owns a heap bson_t. (Not a unique_ptr: bson_t's alignment attribute is dropped, with
// a warning, from template arguments.)
class BsonDocument {
 public:
  explicit BsonDocument(bson_t* document) : document_(document) {}
  ~BsonDocument() {
    if (document_ != nullptr) bson_destroy(document_);
  }
  BsonDocument(BsonDocument&& other) noexcept
      : document_(std::exchange(other.document_, nullptr)) {}
  BsonDocument& operator=(BsonDocument&& other) noexcept {
    std::swap(document_, other.document_);
    return *this;
  }
  BsonDocument(const BsonDocument&) = delete;
  BsonDocument& operator=(const BsonDocument&) = delete;

  bson_t* get() const { return document_; }
  bson_t& operator*() const { return *document_; }
  explicit operator bool() const { return document_ != nullptr; }

 private:
  bson_t* document_;
};

// kBadRequest when the document has no BSON form (an integer above INT64_MAX, a NUL in
// a key, a malformed type wrapper).
Result<BsonDocument> to_bson(const boost::json::object& document);

// kInternal when the bytes are not valid BSON (e.g. a string that is not UTF-8).
Result<boost::json::object> to_json(const bson_t& document);

}  // namespace shop::common::mongo
