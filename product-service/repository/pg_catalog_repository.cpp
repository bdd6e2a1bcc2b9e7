#include "common/db/sql_error.hpp"
#include "repository/listing_sql.hpp"
#include "repository/pg_repositories.hpp"
#include "repository/product_rows.hpp"

namespace shop::product::repository {
namespace {

using common::Error;
using common::ErrorCode;
namespace db = common::db;

const std::string kSelectLiveProducts = "SELECT " + std::string(kProductColumns) + " FROM " +
                                        std::string(kProductSource) +
                                        " WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL";
constexpr std::string_view kInsertProduct =
    "WITH created AS (INSERT INTO products (sku, name, description, price_cents, currency, "
    "category_id) VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid) RETURNING id) "
    "INSERT INTO inventory (product_id) SELECT id FROM created RETURNING product_id::text";
constexpr std::string_view kUpdateProduct =
    "UPDATE products SET sku = COALESCE($2, sku), name = COALESCE($3, name), "
    "description = COALESCE($4, description), price_cents = COALESCE($5::bigint, price_cents), "
    "currency = COALESCE($6, currency), "
    "category_id = CASE WHEN $7::text IS NULL THEN category_id ELSE NULLIF($7, '')::uuid END, "
    "updated_at = now() WHERE id = $1::uuid AND deleted_at IS NULL RETURNING id";
constexpr std::string_view kDeleteProduct =
    "UPDATE products SET deleted_at = now(), updated_at = now() "
    "WHERE id = $1::uuid AND deleted_at IS NULL";
const std::string kCategoryColumns =
    "id::text, name, COALESCE(parent_id::text, ''), " + utc_text("created_at");
const std::string kSelectCategories =
    "SELECT " + kCategoryColumns + " FROM categories ORDER BY lower(name), id";
const std::string kInsertCategory =
    "INSERT INTO categories (name, parent_id) VALUES ($1, NULLIF($2, '')::uuid) RETURNING " +
    kCategoryColumns;

constexpr std::string_view kLiveSkuIndex = "products_live_sku";
constexpr std::string_view kCategoryNameIndex = "categories_name_per_parent";

bool is_foreign_key_violation(const Error& error) {
  return error.detail.starts_with("foreign_key_violation");
}

// The errors a product write can meet, in the words of the API.
Error product_write_error(const Error& error) {
  if (db::is_unique_violation(error, kLiveSkuIndex))
    return Error::conflict("a product with this SKU exists");
  if (is_foreign_key_violation(error))
    return Error::validation({{"category_id", "no such category"}});
  return error;
}

models::Category read_category(const db::Row& row) {
  return {std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
          std::string(row.text(3))};
}

}  // namespace

Task<models::Product> PgCatalogRepository::create_product(const models::NewProduct& product,
                                                          WriteContext context) {
  auto body = [this, product, context](db::Connection& connection) -> Task<models::Product> {
    auto inserted = co_await connection.query(
        kInsertProduct,
        db::make_params(product.sku, product.name, product.description, product.price_cents,
                        product.currency, product.category_id));
    if (!inserted) co_return product_write_error(inserted.error());
    auto created = co_await select_live_product(connection, std::string((*inserted)[0].text(0)));
    if (!created) co_return created.error();
    const auto event = models::product_created(*created);
    if (auto appended = co_await outbox_->append(connection, event, context); !appended)
      co_return appended.error();
    co_return *created;
  };
  co_return co_await pool_->transaction(body);
}

Task<models::Product> PgCatalogRepository::find_product(const std::string& id) {
  auto result = co_await pool_->query(select_live_product_sql(), db::make_params(id));
  if (!result) co_return result.error();
  if (result->empty()) co_return Error::not_found("no such product");
  co_return read_product((*result)[0]);
}

Task<std::vector<models::Product>> PgCatalogRepository::find_products(
    const std::vector<std::string>& ids) {
  auto result = co_await pool_->query(kSelectLiveProducts, db::make_params(ids));
  if (!result) co_return result.error();
  std::vector<models::Product> products;
  for (const auto& row : *result) products.push_back(read_product(row));
  co_return products;
}

Task<models::Product> PgCatalogRepository::update_product(const std::string& id,
                                                          const models::ProductChange& change,
                                                          WriteContext context) {
  auto body = [this, id, change, context](db::Connection& connection) -> Task<models::Product> {
    auto updated = co_await connection.query(
        kUpdateProduct, db::make_params(id, change.sku, change.name, change.description,
                                        change.price_cents, change.currency, change.category_id));
    if (!updated) co_return product_write_error(updated.error());
    if (updated->empty()) co_return Error::not_found("no such product");
    auto product = co_await select_live_product(connection, id);
    if (!product) co_return product.error();
    const auto event = models::product_updated(*product);
    if (auto appended = co_await outbox_->append(connection, event, context); !appended)
      co_return appended.error();
    co_return *product;
  };
  co_return co_await pool_->transaction(body);
}

Task<void> PgCatalogRepository::delete_product(const std::string& id, WriteContext context) {
  auto body = [this, id, context](db::Connection& connection) -> Task<void> {
    auto deleted = co_await connection.query(kDeleteProduct, db::make_params(id));
    if (!deleted) co_return deleted.error();
    if (deleted->affected_rows() == 0) co_return Error::not_found("no such product");
    const auto event = models::product_deleted(id);
    co_return co_await outbox_->append(connection, event, context);
  };
  co_return co_await pool_->transaction(body);
}

Task<models::ListingPage> PgCatalogRepository::list_products(const models::ListingQuery& query) {
  auto page_sql = listing_page_sql(query);
  auto facets_sql = listing_facets_sql(query);
  auto rows = co_await pool_->query(page_sql.sql, std::move(page_sql.params));
  if (!rows) co_return rows.error();
  auto facets = co_await pool_->query(facets_sql.sql, std::move(facets_sql.params));
  if (!facets) co_return facets.error();
  models::ListingPage page;
  for (const auto& row : *rows) page.items.push_back(read_product(row));
  for (const auto& row : *facets) {
    page.facets.push_back({std::string(row.text(0)), row.int64(1)});
    page.total += row.int64(1);
  }
  co_return page;
}

Task<std::vector<models::Category>> PgCatalogRepository::list_categories() {
  auto result = co_await pool_->query(kSelectCategories);
  if (!result) co_return result.error();
  std::vector<models::Category> categories;
  for (const auto& row : *result) categories.push_back(read_category(row));
  co_return categories;
}

Task<models::Category> PgCatalogRepository::create_category(const models::NewCategory& category) {
  auto result =
      co_await pool_->query(kInsertCategory, db::make_params(category.name, category.parent_id));
  if (!result) {
    if (db::is_unique_violation(result.error(), kCategoryNameIndex))
      co_return Error::conflict("the parent category already has one of this name");
    if (is_foreign_key_violation(result.error()))
      co_return Error::validation({{"parent_id", "no such category"}});
    co_return result.error();
  }
  co_return read_category((*result)[0]);
}

}  // namespace shop::product::repository
