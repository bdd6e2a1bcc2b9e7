#include "json_values.hpp"
#include "repository/collections.hpp"
#include "repository/mongo_stores.hpp"
#include "repository/order_documents.hpp"

namespace shop::order::repository {
namespace {

namespace json = boost::json;
using common::mongo::FindOptions;
using common::mongo::Unique;
using common::mongo::Upsert;

constexpr std::string_view kLog = kOrderLogCollection;
constexpr std::string_view kOrders = kOrdersCollection;
// A projection chasing a log that keeps growing gives up after this many rounds; the
// next writer projects again.
constexpr int kProjectionRounds = 5;

// The ids of the order projections matching `filter`, in `sort` order.
Task<std::vector<std::string>> projected_ids(common::mongo::Database& database, json::object filter,
                                             json::object sort, std::int64_t limit) {
  FindOptions options;
  options.sort = std::move(sort);
  options.limit = limit;
  options.projection = {{"_id", 1}};
  auto documents = co_await database.find(kOrders, std::move(filter), std::move(options));
  if (!documents) co_return documents.error();
  std::vector<std::string> ids;
  for (const auto& document : *documents) {
    if (auto id = text(document, "_id"); !id.empty()) ids.push_back(std::move(id));
  }
  co_return ids;
}

}  // namespace

Task<void> prepare_collections(common::mongo::Database& database) {
  struct Index {
    std::string_view collection;
    json::object keys;
    Unique unique;
    std::string name;
  };
  const std::vector<Index> indexes{
      {kLog, {{"order_id", 1}, {"seq", 1}}, Unique::kYes, "order_seq"},
      {kLog, {{"published", 1}, {"at", 1}}, Unique::kNo, "unpublished"},
      {kOrders, {{"user_id", 1}, {"created_at", -1}}, Unique::kNo, "user_created"},
      {kOrders, {{"needs_work", 1}, {"updated_at", 1}}, Unique::kNo, "needs_work"},
      {kOrders, {{"status", 1}, {"created_at", 1}}, Unique::kNo, "status_created"},
      {kCartLinesCollection, {{"user_id", 1}, {"added_at", 1}}, Unique::kNo, "user_added"},
      {kIdempotencyKeysCollection, {{"user_id", 1}, {"key", 1}}, Unique::kYes, "user_key"},
  };
  for (const auto& index : indexes) {
    auto created =
        co_await database.create_index(index.collection, index.keys, index.unique, index.name);
    if (!created) co_return created.error();
  }
  co_return common::Result<void>{};
}

Task<std::vector<models::LogEntry>> MongoOrderStore::read_log(const std::string& order_id) {
  FindOptions options;
  options.sort = {{"seq", 1}};
  json::object filter{{"order_id", order_id}};
  auto documents = co_await database_->find(kLog, std::move(filter), std::move(options));
  if (!documents) co_return documents.error();
  std::vector<models::LogEntry> entries;
  for (const auto& document : *documents) {
    auto entry = read_entry(document);
    if (!entry) co_return entry.error();
    entries.push_back(std::move(*entry));
  }
  co_return entries;
}

Task<void> MongoOrderStore::append(const models::LogEntry& entry) {
  auto document = entry_document(entry);
  co_return co_await database_->insert_one(kLog, std::move(document));
}

Task<std::int64_t> MongoOrderStore::last_seq(const std::string& order_id) {
  FindOptions options;
  options.sort = {{"seq", -1}};
  options.projection = {{"seq", 1}};
  json::object filter{{"order_id", order_id}};
  auto last = co_await database_->find_one(kLog, std::move(filter), std::move(options));
  if (!last) co_return last.error();
  if (!*last) co_return std::int64_t{0};
  co_return integer(**last, "seq");
}

Task<models::Order> MongoOrderStore::project(const std::string& order_id) {
  common::Result<models::Order> order = common::Error::not_found("no such order");
  for (int round = 0; round < kProjectionRounds; ++round) {
    auto log = co_await read_log(order_id);
    if (!log) co_return log.error();
    order = models::fold(*log);
    if (!order) co_return order.error();
    json::object filter{{"_id", order_id}};
    auto document = order_document(*order);
    auto written = co_await database_->replace_one(kOrders, std::move(filter), std::move(document),
                                                   Upsert::kYes);
    // The first projections of an order race to insert its document, and the server
    // does not retry a losing upsert: the document is there now, so project again.
    if (!written && written.error().code == common::ErrorCode::kConflict) continue;
    if (!written) co_return written.error();
    // Another writer may have appended after our read and written its projection
    // before ours: then ours is stale and must be written again.
    auto latest = co_await last_seq(order_id);
    if (!latest) co_return latest.error();
    if (*latest == order->version) break;
  }
  co_return order;
}

Task<std::vector<std::string>> MongoOrderStore::needing_work(const std::string& updated_before,
                                                             std::int64_t limit) {
  json::object filter{{"needs_work", true}, {"updated_at", json::object{{"$lt", updated_before}}}};
  json::object oldest_change_first{{"updated_at", 1}};
  co_return co_await projected_ids(*database_, std::move(filter), std::move(oldest_change_first),
                                   limit);
}

Task<std::vector<std::string>> MongoOrderStore::waitlisted_for(const std::string& product_id,
                                                               std::int64_t limit) {
  json::object filter{{"status", models::to_string(models::OrderStatus::kWaitlisted)},
                      {"lines.product_id", product_id}};
  json::object oldest_first{{"created_at", 1}, {"_id", 1}};
  co_return co_await projected_ids(*database_, std::move(filter), std::move(oldest_first), limit);
}

Task<std::vector<models::LogEntry>> MongoOrderStore::unpublished(std::int64_t limit) {
  FindOptions options;
  options.sort = {{"at", 1}, {"order_id", 1}, {"seq", 1}};
  options.limit = limit;
  json::object filter{{"published", false}};
  auto documents = co_await database_->find(kLog, std::move(filter), std::move(options));
  if (!documents) co_return documents.error();
  std::vector<models::LogEntry> entries;
  for (const auto& document : *documents) {
    auto entry = read_entry(document);
    if (entry) entries.push_back(std::move(*entry));
  }
  co_return entries;
}

Task<void> MongoOrderStore::mark_published(const std::string& order_id, std::int64_t seq) {
  json::object filter{{"_id", entry_id(order_id, seq)}};
  json::object update{{"$set", json::object{{"published", true}}}};
  auto updated = co_await database_->update_one(kLog, std::move(filter), std::move(update),
                                                common::mongo::Upsert::kNo);
  if (!updated) co_return updated.error();
  co_return common::Result<void>{};
}

Task<std::vector<models::Order>> MongoOrderStore::list_for_user(const std::string& user_id,
                                                                std::int64_t limit) {
  FindOptions options;
  options.sort = {{"created_at", -1}};
  options.limit = limit;
  json::object filter{{"user_id", user_id}};
  auto documents = co_await database_->find(kOrders, std::move(filter), std::move(options));
  if (!documents) co_return documents.error();
  std::vector<models::Order> orders;
  for (const auto& document : *documents) {
    auto order = read_order(document);
    if (order) orders.push_back(std::move(*order));
  }
  co_return orders;
}

}  // namespace shop::order::repository
