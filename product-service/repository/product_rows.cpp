#include "repository/product_rows.hpp"

namespace shop::product::repository {

std::string utc_text(std::string_view expression) {
  return "to_char(" + std::string(expression) +
         " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
}

models::Product read_product(const common::db::Row& row) {
  return models::Product{.id = std::string(row.text(0)),
                         .sku = std::string(row.text(1)),
                         .name = std::string(row.text(2)),
                         .description = std::string(row.text(3)),
                         .price_cents = row.int64(4),
                         .currency = std::string(row.text(5)),
                         .category_id = std::string(row.text(6)),
                         .stock_available = row.int64(7),
                         .created_at = std::string(row.text(8)),
                         .updated_at = std::string(row.text(9))};
}

const std::string& select_live_product_sql() {
  static const std::string sql = "SELECT " + std::string(kProductColumns) + " FROM " +
                                 std::string(kProductSource) +
                                 " WHERE p.id = $1::uuid AND p.deleted_at IS NULL";
  return sql;
}

Task<models::Product> select_live_product(common::db::Connection& connection, std::string id) {
  auto result = co_await connection.query(select_live_product_sql(), common::db::make_params(id));
  if (!result) co_return result.error();
  if (result->empty()) co_return common::Error::not_found("no such product");
  co_return read_product((*result)[0]);
}

}  // namespace shop::product::repository
