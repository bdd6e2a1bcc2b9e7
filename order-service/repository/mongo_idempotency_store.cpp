#include "json_values.hpp"
#include "repository/collections.hpp"
#include "repository/mongo_stores.hpp"

namespace shop::order::repository {
namespace {

namespace json = boost::json;

}  // namespace

Task<std::optional<IdempotencyRecord>> MongoIdempotencyStore::find(const std::string& user_id,
                                                                   const std::string& key) {
  json::object filter{{"user_id", user_id}, {"key", key}};
  auto document = co_await database_->find_one(kIdempotencyKeysCollection, std::move(filter));
  if (!document) co_return document.error();
  if (!*document) co_return std::optional<IdempotencyRecord>{};
  const auto& found = **document;
  co_return IdempotencyRecord{text(found, "user_id"), text(found, "key"),
                              text(found, "fingerprint"), text(found, "order_id")};
}

Task<void> MongoIdempotencyStore::insert(const IdempotencyRecord& record) {
  json::object document{{"user_id", record.user_id},
                        {"key", record.key},
                        {"fingerprint", record.fingerprint},
                        {"order_id", record.order_id}};
  co_return co_await database_->insert_one(kIdempotencyKeysCollection, std::move(document));
}

}  // namespace shop::order::repository
