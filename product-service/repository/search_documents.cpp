#include "repository/search_documents.hpp"

#include <unordered_map>

#include "common/text.hpp"
#include "repository/product_rows.hpp"

namespace shop::product::repository {
namespace {

namespace db = common::db;

// The product's category and every ancestor, nearest first, as "id,id,...".
constexpr std::string_view kCategoryPath =
    "array_to_string(ARRAY(WITH RECURSIVE up(id, parent_id) AS ("
    "SELECT id, parent_id FROM categories WHERE id = p.category_id "
    "UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id) "
    "SELECT id::text FROM up), ',')";
const std::string kDocumentColumns =
    std::string(kProductColumns) + ", " + std::string(kCategoryPath) + ", p.deleted_at IS NOT NULL";
const std::string kSelectByIds = "SELECT " + kDocumentColumns + " FROM " +
                                 std::string(kProductSource) + " WHERE p.id = ANY($1::uuid[])";
const std::string kSelectPage = "SELECT " + kDocumentColumns + " FROM " +
                                std::string(kProductSource) +
                                " WHERE p.deleted_at IS NULL AND p.id > $1::uuid ORDER BY p.id "
                                "LIMIT $2";
const std::string kSelectChanged = "SELECT " + kDocumentColumns + " FROM " +
                                   std::string(kProductSource) +
                                   " WHERE p.updated_at >= $1::timestamptz";
constexpr std::string_view kBeforeEveryId = "00000000-0000-0000-0000-000000000000";

search::ProductDocument read_document(const db::Row& row) {
  const auto product = read_product(row);
  return {.id = product.id,
          .sku = product.sku,
          .name = product.name,
          .description = product.description,
          .price_cents = product.price_cents,
          .currency = product.currency,
          .category_id = product.category_id,
          .category_path = common::split(row.text(10), ','),
          .stock_available = product.stock_available,
          .in_stock = product.stock_available > 0,
          .created_at = product.created_at,
          .updated_at = product.updated_at};
}

bool is_deleted(const db::Row& row) { return row.boolean(11); }

std::vector<IndexedProduct> read_indexed(const db::QueryResult& rows) {
  std::vector<IndexedProduct> products;
  for (const auto& row : rows) {
    auto document = read_document(row);
    auto id = document.id;
    products.push_back(
        {std::move(id), is_deleted(row) ? std::nullopt : std::optional(std::move(document))});
  }
  return products;
}

class LiveProductStream final : public search::DocumentStream {
 public:
  LiveProductStream(std::shared_ptr<db::Pool> pool, std::size_t batch_size)
      : pool_(std::move(pool)), batch_size_(batch_size) {}

  // search::DocumentStream
  boost::asio::awaitable<common::Result<std::vector<search::ProductDocument>>> next_batch()
      override {
    auto rows = co_await pool_->query(kSelectPage, db::make_params(after_, batch_size_));
    if (!rows) co_return rows.error();
    std::vector<search::ProductDocument> batch;
    for (const auto& row : *rows) batch.push_back(read_document(row));
    if (!batch.empty()) after_ = batch.back().id;
    co_return batch;
  }

 private:
  std::shared_ptr<db::Pool> pool_;
  std::size_t batch_size_;
  std::string after_{kBeforeEveryId};
};

}  // namespace

Task<std::vector<IndexedProduct>> SearchDocuments::find(const std::vector<std::string>& ids) {
  auto rows = co_await pool_->query(kSelectByIds, db::make_params(ids));
  if (!rows) co_return rows.error();
  std::unordered_map<std::string, IndexedProduct> by_id;
  for (auto& product : read_indexed(*rows)) by_id.emplace(product.id, std::move(product));
  std::vector<IndexedProduct> found;
  for (const auto& id : ids) {
    auto it = by_id.find(id);
    found.push_back(it == by_id.end() ? IndexedProduct{id, std::nullopt} : std::move(it->second));
  }
  co_return found;
}

std::shared_ptr<search::DocumentStream> SearchDocuments::all(std::size_t batch_size) {
  return std::make_shared<LiveProductStream>(pool_, batch_size);
}

Task<std::vector<IndexedProduct>> SearchDocuments::changed_since(const std::string& since) {
  auto rows = co_await pool_->query(kSelectChanged, db::make_params(since));
  if (!rows) co_return rows.error();
  co_return read_indexed(*rows);
}

}  // namespace shop::product::repository
