#include "search/product_query.hpp"

#include <array>
#include <utility>

namespace shop::product::search {
namespace {

constexpr std::array<std::pair<SortOrder, std::string_view>, 5> kSortNames{{
    {SortOrder::kRelevance, "relevance"},
    {SortOrder::kPriceAsc, "price_asc"},
    {SortOrder::kPriceDesc, "price_desc"},
    {SortOrder::kNewest, "newest"},
    {SortOrder::kName, "name"},
}};

}  // namespace

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  for (const auto& [order, text] : kSortNames) {
    if (text == name) return order;
  }
  return std::nullopt;
}

std::string_view sort_order_name(SortOrder order) {
  for (const auto& [candidate, text] : kSortNames) {
    if (candidate == order) return text;
  }
  return "relevance";
}

}  // namespace shop::product::search
