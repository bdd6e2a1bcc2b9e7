#include "common/mongo/collection_calls.hpp"

#include <boost/json/array.hpp>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "common/mongo/bson_json.hpp"
#include "common/mongo/mongo_error.hpp"

namespace shop::common::mongo::calls {
namespace {

namespace json = boost::json;

// Where the driver writes a server reply. It initializes the reply itself, but not on
// every early failure, so it starts out as an empty document (which owns no memory).
class Reply {
 public:
  Reply() { bson_init(&value_); }
  ~Reply() { bson_destroy(&value_); }
  Reply(const Reply&) = delete;
  Reply& operator=(const Reply&) = delete;

  bson_t* out() { return &value_; }
  const bson_t* get() const { return &value_; }

 private:
  bson_t value_{};
};

struct CursorDeleter {
  void operator()(mongoc_cursor_t* cursor) const { mongoc_cursor_destroy(cursor); }
};

Error failed(std::string_view operation, const bson_error_t& error) {
  return driver_error(operation, error.domain, error.code, error.message);
}

std::int64_t reply_count(const Reply& reply, const char* field) {
  bson_iter_t iter;
  if (bson_iter_init_find(&iter, reply.get(), field) && BSON_ITER_HOLDS_NUMBER(&iter)) {
    return bson_iter_as_int64(&iter);
  }
  return 0;
}

std::optional<json::value> reply_value(const Reply& reply, const char* field) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, reply.get(), field)) return std::nullopt;
  BsonDocument holder(bson_new());
  bson_append_iter(holder.get(), "value", -1, &iter);
  auto converted = to_json(*holder);
  if (!converted) return std::nullopt;
  return std::move(converted->at("value"));
}

UpdateResult update_result(const Reply& reply) {
  return {reply_count(reply, "matchedCount"), reply_count(reply, "modifiedCount"),
          reply_value(reply, "upsertedId")};
}

Result<BsonDocument> upsert_opts(Upsert upsert) {
  json::object opts;
  if (upsert == Upsert::kYes) opts["upsert"] = true;
  return to_bson(opts);
}

Result<BsonDocument> find_opts(const FindOptions& options) {
  if (options.limit < 0 || options.skip < 0) {
    return Error::bad_request("mongo find: limit and skip must not be negative");
  }
  json::object opts;
  if (!options.sort.empty()) opts["sort"] = options.sort;
  if (!options.projection.empty()) opts["projection"] = options.projection;
  if (options.limit > 0) opts["limit"] = options.limit;
  if (options.skip > 0) opts["skip"] = options.skip;
  return to_bson(opts);
}

// One write of a document against a filter (replace or update), with the reply parsed.
using UpdateCall = bool (*)(mongoc_collection_t*, const bson_t*, const bson_t*, const bson_t*,
                            bson_t*, bson_error_t*);

Result<UpdateResult> write_matching(std::string_view operation, UpdateCall call,
                                    mongoc_collection_t* collection, const json::object& filter,
                                    const json::object& document, Upsert upsert) {
  auto selector = to_bson(filter);
  if (!selector) return selector.error();
  auto body = to_bson(document);
  if (!body) return body.error();
  auto opts = upsert_opts(upsert);
  if (!opts) return opts.error();
  Reply reply;
  bson_error_t error{};
  if (!call(collection, selector->get(), body->get(), opts->get(), reply.out(), &error)) {
    return failed(operation, error);
  }
  return update_result(reply);
}

using DeleteCall = bool (*)(mongoc_collection_t*, const bson_t*, const bson_t*, bson_t*,
                            bson_error_t*);

Result<std::int64_t> delete_matching(std::string_view operation, DeleteCall call,
                                     mongoc_collection_t* collection, const json::object& filter) {
  auto selector = to_bson(filter);
  if (!selector) return selector.error();
  Reply reply;
  bson_error_t error{};
  if (!call(collection, selector->get(), nullptr, reply.out(), &error)) {
    return failed(operation, error);
  }
  return reply_count(reply, "deletedCount");
}

}  // namespace

Result<void> ping(mongoc_client_t* client, const std::string& database) {
  auto command = to_bson(json::object{{"ping", 1}});
  if (!command) return command.error();
  Reply reply;
  bson_error_t error{};
  if (!mongoc_client_command_simple(client, database.c_str(), command->get(), nullptr, reply.out(),
                                    &error)) {
    return failed("ping", error);
  }
  return {};
}

Result<void> create_index(mongoc_collection_t* collection, const json::object& keys, Unique unique,
                          const std::string& name) {
  json::object index{{"key", keys}, {"name", name}};
  if (unique == Unique::kYes) index["unique"] = true;
  json::array indexes;
  indexes.emplace_back(std::move(index));
  auto command = to_bson(json::object{{"createIndexes", mongoc_collection_get_name(collection)},
                                      {"indexes", std::move(indexes)}});
  if (!command) return command.error();
  Reply reply;
  bson_error_t error{};
  if (!mongoc_collection_write_command_with_opts(collection, command->get(), nullptr, reply.out(),
                                                 &error)) {
    return failed("createIndexes", error);
  }
  return {};
}

Result<void> insert_one(mongoc_collection_t* collection, const json::object& document) {
  auto bson = to_bson(document);
  if (!bson) return bson.error();
  Reply reply;
  bson_error_t error{};
  if (!mongoc_collection_insert_one(collection, bson->get(), nullptr, reply.out(), &error)) {
    return failed("insert", error);
  }
  return {};
}

Result<std::vector<json::object>> find(mongoc_collection_t* collection, const json::object& filter,
                                       const FindOptions& options) {
  auto selector = to_bson(filter);
  if (!selector) return selector.error();
  auto opts = find_opts(options);
  if (!opts) return opts.error();
  std::unique_ptr<mongoc_cursor_t, CursorDeleter> cursor(
      mongoc_collection_find_with_opts(collection, selector->get(), opts->get(), nullptr));
  std::vector<json::object> documents;
  const bson_t* document = nullptr;
  while (mongoc_cursor_next(cursor.get(), &document)) {
    auto converted = to_json(*document);
    if (!converted) return converted.error();
    documents.push_back(std::move(*converted));
  }
  bson_error_t error{};
  if (mongoc_cursor_error(cursor.get(), &error)) return failed("find", error);
  return documents;
}

Result<UpdateResult> replace_one(mongoc_collection_t* collection, const json::object& filter,
                                 const json::object& replacement, Upsert upsert) {
  return write_matching("replace", mongoc_collection_replace_one, collection, filter, replacement,
                        upsert);
}

Result<UpdateResult> update_one(mongoc_collection_t* collection, const json::object& filter,
                                const json::object& update, Upsert upsert) {
  return write_matching("update", mongoc_collection_update_one, collection, filter, update, upsert);
}

Result<std::int64_t> delete_one(mongoc_collection_t* collection, const json::object& filter) {
  return delete_matching("delete", mongoc_collection_delete_one, collection, filter);
}

Result<std::int64_t> delete_many(mongoc_collection_t* collection, const json::object& filter) {
  return delete_matching("delete", mongoc_collection_delete_many, collection, filter);
}

Result<std::int64_t> count(mongoc_collection_t* collection, const json::object& filter) {
  auto selector = to_bson(filter);
  if (!selector) return selector.error();
  Reply reply;
  bson_error_t error{};
  const std::int64_t counted = mongoc_collection_count_documents(
      collection, selector->get(), nullptr, nullptr, reply.out(), &error);
  if (counted < 0) return failed("count", error);
  return counted;
}

Result<void> drop(mongoc_collection_t* collection) {
  constexpr std::uint32_t kNamespaceNotFound = 26;
  bson_error_t error{};
  if (!mongoc_collection_drop_with_opts(collection, nullptr, &error) &&
      error.code != kNamespaceNotFound) {
    return failed("drop", error);
  }
  return {};
}

}  // namespace shop::common::mongo::calls
