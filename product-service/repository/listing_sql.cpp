#include "repository/listing_sql.hpp"

#include "repository/product_rows.hpp"

namespace shop::product::repository {
namespace {

namespace db = common::db;

// Accumulates parameters and hands out their $n placeholders.
class ParamList {
 public:
  std::string add(db::Param value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
  }
  db::Params take() { return std::move(params_); }

 private:
  db::Params params_;
};

struct Filter {
  std::string with;   // WITH clause (the category subtree), or empty
  std::string where;  // the conditions after WHERE
};

// `$q` placeholder of the text match, when there is one, for the ORDER BY too.
Filter filter(const models::ListingQuery& query, ParamList& params, std::string& text_param) {
  Filter filter;
  filter.where = "p.deleted_at IS NULL";
  if (!query.text.empty()) {
    text_param = params.add(query.text);
    filter.where += " AND (p.search @@ websearch_to_tsquery('english', " + text_param + ") OR " +
                    text_param + " <% p.name)";
  }
  if (!query.category_id.empty()) {
    filter.with =
        "WITH RECURSIVE subtree AS (SELECT id FROM categories WHERE id = " +
        params.add(query.category_id) +
        "::uuid UNION ALL SELECT c.id FROM categories c JOIN subtree s ON c.parent_id = s.id) ";
    filter.where += " AND p.category_id IN (SELECT id FROM subtree)";
  }
  if (query.min_price_cents)
    filter.where += " AND p.price_cents >= " + params.add(db::param(*query.min_price_cents));
  if (query.max_price_cents)
    filter.where += " AND p.price_cents <= " + params.add(db::param(*query.max_price_cents));
  if (query.in_stock) {
    filter.where += *query.in_stock ? " AND COALESCE(i.on_hand - i.reserved, 0) > 0"
                                    : " AND COALESCE(i.on_hand - i.reserved, 0) <= 0";
  }
  return filter;
}

std::string order_by(models::SortOrder sort, const std::string& text_param) {
  switch (sort) {
    case models::SortOrder::kRelevance:
      return "ts_rank(p.search, websearch_to_tsquery('english', " + text_param +
             ")) + word_similarity(" + text_param + ", p.name) DESC, p.id";
    case models::SortOrder::kPriceAsc:
      return "p.price_cents, p.id";
    case models::SortOrder::kPriceDesc:
      return "p.price_cents DESC, p.id";
    case models::SortOrder::kName:
      return "lower(p.name), p.id";
    case models::SortOrder::kNewest:
      break;
  }
  return "p.created_at DESC, p.id";
}

}  // namespace

SqlStatement listing_page_sql(const models::ListingQuery& query) {
  ParamList params;
  std::string text_param;
  const auto where = filter(query, params, text_param);
  const auto sort = text_param.empty() && query.sort == models::SortOrder::kRelevance
                        ? models::SortOrder::kNewest
                        : query.sort;
  // Placeholders numbered in statement order: operands of + are evaluated in any order.
  const auto limit = params.add(db::param(query.page_size));
  const auto offset = params.add(db::param(query.offset()));
  auto sql = where.with + "SELECT " + std::string(kProductColumns) + " FROM " +
             std::string(kProductSource) + " WHERE " + where.where + " ORDER BY " +
             order_by(sort, text_param) + " LIMIT " + limit + " OFFSET " + offset;
  return {std::move(sql), params.take()};
}

SqlStatement listing_facets_sql(const models::ListingQuery& query) {
  ParamList params;
  std::string text_param;
  const auto where = filter(query, params, text_param);
  auto sql = where.with + "SELECT COALESCE(p.category_id::text, ''), count(*) FROM " +
             std::string(kProductSource) + " WHERE " + where.where +
             " GROUP BY 1 ORDER BY 2 DESC, 1";
  return {std::move(sql), params.take()};
}

}  // namespace shop::product::repository
