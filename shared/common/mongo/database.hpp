#pragma once
// One MongoDB-API database (FerretDB in the local stack), with the operations an order
// service needs on its collections, as coroutines that never block the caller's thread.
//
// libmongoc blocks, so each operation runs on a small thread pool of the Database's own
// (one pooled connection per thread) and the awaiting coroutine resumes on its own
// executor. Every operation is bounded by DatabaseConfig::timeout per step; an
// unreachable server gives kUnavailable once server selection gives up.
//
// Documents are boost::json::object (mapping in bson_json.hpp); collection names may be
// any string the server accepts. Errors (mongo_error.hpp): a duplicate key is kConflict,
// no reachable server kUnavailable, the rest kInternal with the server's message.
//
//   auto db = Database::create({.uri = "mongodb://127.0.0.1:27017/shop_orders"});
//   auto inserted = co_await (*db)->insert_one("carts", line);

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "common/mongo/database_config.hpp"
#include "common/mongo/operations.hpp"

namespace shop::common::mongo {

class ClientPool;

class Database : public std::enable_shared_from_this<Database> {
 public:
  // kBadRequest for an invalid URI, one without a database or limits out of range. No I/O
  // here: the first operation connects.
  static Result<std::shared_ptr<Database>> create(DatabaseConfig config);
  // Waits for the operations in flight (each bounded by the timeouts).
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& name() const;
  const DatabaseConfig& config() const { return config_; }

  // The server answers (FerretDB also asks its PostgreSQL once it holds a collection).
  boost::asio::awaitable<Result<void>> ping();

  // Idempotent: creating an index that exists with the same keys and options succeeds.
  // `keys` in order, 1 ascending and -1 descending: {"order_id": 1, "seq": 1}.
  boost::asio::awaitable<Result<void>> create_index(std::string_view collection,
                                                    boost::json::object keys, Unique unique,
                                                    std::string name);

  // Without an "_id", the driver adds an ObjectId one.
  boost::asio::awaitable<Result<void>> insert_one(std::string_view collection,
                                                  boost::json::object document);

  boost::asio::awaitable<Result<std::vector<boost::json::object>>> find(std::string_view collection,
                                                                        boost::json::object filter);
  boost::asio::awaitable<Result<std::vector<boost::json::object>>> find(std::string_view collection,
                                                                        boost::json::object filter,
                                                                        FindOptions options);

  // The first document in options.sort order (any matching one without a sort).
  boost::asio::awaitable<Result<std::optional<boost::json::object>>> find_one(
      std::string_view collection, boost::json::object filter);
  boost::asio::awaitable<Result<std::optional<boost::json::object>>> find_one(
      std::string_view collection, boost::json::object filter, FindOptions options);

  // `replacement` is a whole document, without update operators.
  boost::asio::awaitable<Result<UpdateResult>> replace_one(std::string_view collection,
                                                           boost::json::object filter,
                                                           boost::json::object replacement,
                                                           Upsert upsert);

  // `update` holds update operators only: {"$set": {...}, "$inc": {...}}.
  boost::asio::awaitable<Result<UpdateResult>> update_one(std::string_view collection,
                                                          boost::json::object filter,
                                                          boost::json::object update,
                                                          Upsert upsert);

  // The number of documents deleted.
  boost::asio::awaitable<Result<std::int64_t>> delete_one(std::string_view collection,
                                                          boost::json::object filter);
  boost::asio::awaitable<Result<std::int64_t>> delete_many(std::string_view collection,
                                                           boost::json::object filter);

  boost::asio::awaitable<Result<std::int64_t>> count(std::string_view collection,
                                                     boost::json::object filter);

  // The collection with its documents and indexes; succeeds when there is none.
  boost::asio::awaitable<Result<void>> drop_collection(std::string_view collection);

 private:
  Database(DatabaseConfig config, std::unique_ptr<ClientPool> pool);

  DatabaseConfig config_;
  std::unique_ptr<ClientPool> pool_;
  boost::asio::thread_pool threads_;
};

}  // namespace shop::common::mongo
