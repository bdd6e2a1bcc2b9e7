#pragma once
// A catalog search as the API asks for it (GET /api/v1/products), before it becomes a
// search server request.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shop::product::search {

enum class SortOrder { kRelevance, kPriceAsc, kPriceDesc, kNewest, kName };

struct ProductQuery {
  std::optional<std::string> text{};  // the API's `q`
  std::optional<std::string> category_id{};
  std::optional<std::int64_t> min_price_cents{};
  std::optional<std::int64_t> max_price_cents{};
  std::optional<bool> in_stock{};
  SortOrder sort = SortOrder::kRelevance;
  std::int64_t page = 1;  // 1-based
  std::int64_t page_size = 20;
};

inline constexpr std::int64_t kMaxPageSize = 100;

// "relevance", "price_asc", "price_desc", "newest", "name"; nullopt for anything else.
std::optional<SortOrder> parse_sort_order(std::string_view name);
std::string_view sort_order_name(SortOrder order);

}  // namespace shop::product::search
