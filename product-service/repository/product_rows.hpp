#pragma once
// The one SELECT list for a product and the one function that reads it back, shared by
// every query that returns products.

#include <string>
#include <string_view>

#include "common/db/connection.hpp"
#include "common/db/result.hpp"
#include "models/product.hpp"
#include "repository/event_outbox.hpp"

namespace shop::product::repository {

// Columns of `products p` left-joined with `inventory i`, in read_product's order.
// Constant-initialized: other files build their SQL from it during static start-up.
inline constexpr std::string_view kProductColumns =
    "p.id::text, p.sku, p.name, p.description, p.price_cents, p.currency, "
    "COALESCE(p.category_id::text, ''), COALESCE(i.on_hand - i.reserved, 0), "
    "to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
    "to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
inline constexpr std::string_view kProductSource =
    "products p LEFT JOIN inventory i ON i.product_id = p.id";
// An RFC 3339 UTC rendering of a timestamptz expression.
std::string utc_text(std::string_view expression);

models::Product read_product(const common::db::Row& row);

// SELECT of one live (not deleted) product by id.
const std::string& select_live_product_sql();
// The live product on this connection (inside its transaction); kNotFound otherwise.
Task<models::Product> select_live_product(common::db::Connection& connection, std::string id);

}  // namespace shop::product::repository
