#include "common/mongo/database.hpp"

#include <type_traits>
#include <utility>

#include "common/mongo/client_pool.hpp"
#include "common/mongo/collection_calls.hpp"
#include "common/runtime/blocking.hpp"

namespace shop::common::mongo {
namespace {

using boost::asio::awaitable;
namespace json = boost::json;

// Runs `call(handle)` on a driver thread, with a pooled client's handle on `collection`.
template <class Call>
awaitable<std::invoke_result_t<Call&, mongoc_collection_t*>> on_collection(
    boost::asio::thread_pool& threads, ClientPool& pool, std::string_view collection, Call call) {
  auto job = [&pool, name = std::string(collection), call = std::move(call)]() mutable {
    const ClientLease lease(pool);
    const CollectionHandle handle = lease.collection(name);
    return call(handle.get());
  };
  co_return co_await runtime::run_blocking(threads, std::move(job));
}

}  // namespace

Result<std::shared_ptr<Database>> Database::create(DatabaseConfig config) {
  auto pool = ClientPool::create(config);
  if (!pool) return pool.error();
  return std::shared_ptr<Database>(new Database(std::move(config), std::move(*pool)));
}

Database::Database(DatabaseConfig config, std::unique_ptr<ClientPool> pool)
    : config_(std::move(config)), pool_(std::move(pool)), threads_(config_.threads) {}

Database::~Database() {
  // Each coroutine in flight holds the Database, so nothing waits on these threads any
  // more; join() lets the driver calls still running finish before the pool goes.
  threads_.join();
}

const std::string& Database::name() const { return pool_->database(); }

awaitable<Result<void>> Database::ping() {
  auto self = shared_from_this();
  auto job = [this] {
    const ClientLease lease(*pool_);
    return calls::ping(lease.client(), pool_->database());
  };
  co_return co_await runtime::run_blocking(threads_, std::move(job));
}

awaitable<Result<void>> Database::create_index(std::string_view collection, json::object keys,
                                               Unique unique, std::string name) {
  auto self = shared_from_this();
  auto call = [keys = std::move(keys), unique,
               name = std::move(name)](mongoc_collection_t* handle) {
    return calls::create_index(handle, keys, unique, name);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<void>> Database::insert_one(std::string_view collection, json::object document) {
  auto self = shared_from_this();
  auto call = [document = std::move(document)](mongoc_collection_t* handle) {
    return calls::insert_one(handle, document);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<std::vector<json::object>>> Database::find(std::string_view collection,
                                                            json::object filter) {
  FindOptions options;
  co_return co_await find(collection, std::move(filter), std::move(options));
}

awaitable<Result<std::vector<json::object>>> Database::find(std::string_view collection,
                                                            json::object filter,
                                                            FindOptions options) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter), options = std::move(options)](
                  mongoc_collection_t* handle) { return calls::find(handle, filter, options); };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<std::optional<json::object>>> Database::find_one(std::string_view collection,
                                                                  json::object filter) {
  FindOptions options;
  co_return co_await find_one(collection, std::move(filter), std::move(options));
}

awaitable<Result<std::optional<json::object>>> Database::find_one(std::string_view collection,
                                                                  json::object filter,
                                                                  FindOptions options) {
  options.limit = 1;
  auto found = co_await find(collection, std::move(filter), std::move(options));
  if (!found) co_return found.error();
  std::optional<json::object> first;
  if (!found->empty()) first = std::move(found->front());
  co_return first;
}

awaitable<Result<UpdateResult>> Database::replace_one(std::string_view collection,
                                                      json::object filter, json::object replacement,
                                                      Upsert upsert) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter), replacement = std::move(replacement),
               upsert](mongoc_collection_t* handle) {
    return calls::replace_one(handle, filter, replacement, upsert);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<UpdateResult>> Database::update_one(std::string_view collection,
                                                     json::object filter, json::object update,
                                                     Upsert upsert) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter), update = std::move(update),
               upsert](mongoc_collection_t* handle) {
    return calls::update_one(handle, filter, update, upsert);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<std::int64_t>> Database::delete_one(std::string_view collection,
                                                     json::object filter) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter)](mongoc_collection_t* handle) {
    return calls::delete_one(handle, filter);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<std::int64_t>> Database::delete_many(std::string_view collection,
                                                      json::object filter) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter)](mongoc_collection_t* handle) {
    return calls::delete_many(handle, filter);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<std::int64_t>> Database::count(std::string_view collection, json::object filter) {
  auto self = shared_from_this();
  auto call = [filter = std::move(filter)](mongoc_collection_t* handle) {
    return calls::count(handle, filter);
  };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

awaitable<Result<void>> Database::drop_collection(std::string_view collection) {
  auto self = shared_from_this();
  auto call = [](mongoc_collection_t* handle) { return calls::drop(handle); };
  co_return co_await on_collection(threads_, *pool_, collection, std::move(call));
}

}  // namespace shop::common::mongo
