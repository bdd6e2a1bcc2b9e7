#include "common/mq/rfc3339.hpp"
#include "json_values.hpp"
#include "repository/collections.hpp"
#include "repository/mongo_stores.hpp"

namespace shop::order::repository {
namespace {

namespace json = boost::json;
using common::mongo::FindOptions;
using common::mongo::Upsert;

std::string line_id(const std::string& user_id, const std::string& product_id) {
  return user_id + "/" + product_id;
}

CartLine read_line(const json::object& document) {
  return {text(document, "product_id"), integer(document, "quantity")};
}

}  // namespace

Task<std::vector<CartLine>> MongoCartStore::lines(const std::string& user_id) {
  FindOptions options;
  options.sort = {{"added_at", 1}, {"_id", 1}};
  json::object filter{{"user_id", user_id}};
  auto documents =
      co_await database_->find(kCartLinesCollection, std::move(filter), std::move(options));
  if (!documents) co_return documents.error();
  std::vector<CartLine> lines;
  for (const auto& document : *documents) lines.push_back(read_line(document));
  co_return lines;
}

Task<std::optional<CartLine>> MongoCartStore::line(const std::string& user_id,
                                                   const std::string& product_id) {
  json::object filter{{"_id", line_id(user_id, product_id)}};
  auto document = co_await database_->find_one(kCartLinesCollection, std::move(filter));
  if (!document) co_return document.error();
  if (!*document) co_return std::optional<CartLine>{};
  co_return read_line(**document);
}

Task<void> MongoCartStore::put(const std::string& user_id, const CartLine& line) {
  const auto id = line_id(user_id, line.product_id);
  json::object lookup{{"_id", id}};
  auto existing = co_await database_->find_one(kCartLinesCollection, std::move(lookup));
  if (!existing) co_return existing.error();
  // A line keeps its place in the cart when its quantity changes.
  json::value added_at(common::mq::format_rfc3339(std::chrono::system_clock::now()));
  if (*existing) {
    if (const auto* at = (*existing)->if_contains("added_at")) added_at = *at;
  }
  json::object filter{{"_id", id}};
  json::object document{{"_id", id},
                        {"user_id", user_id},
                        {"product_id", line.product_id},
                        {"quantity", line.quantity},
                        {"added_at", added_at}};
  auto written = co_await database_->replace_one(kCartLinesCollection, std::move(filter),
                                                 std::move(document), Upsert::kYes);
  if (!written) co_return written.error();
  co_return common::Result<void>{};
}

Task<bool> MongoCartStore::remove(const std::string& user_id, const std::string& product_id) {
  json::object filter{{"_id", line_id(user_id, product_id)}};
  auto deleted = co_await database_->delete_one(kCartLinesCollection, std::move(filter));
  if (!deleted) co_return deleted.error();
  co_return *deleted > 0;
}

Task<void> MongoCartStore::clear(const std::string& user_id) {
  json::object filter{{"user_id", user_id}};
  auto deleted = co_await database_->delete_many(kCartLinesCollection, std::move(filter));
  if (!deleted) co_return deleted.error();
  co_return common::Result<void>{};
}

}  // namespace shop::order::repository
