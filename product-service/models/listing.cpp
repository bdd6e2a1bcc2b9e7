#include "models/listing.hpp"

#include "common/text.hpp"

namespace shop::product::models {
namespace {

constexpr std::size_t kMaxQueryLength = 200;

std::optional<SortOrder> parse_sort(std::string_view sort) {
  if (sort == "relevance") return SortOrder::kRelevance;
  if (sort == "newest") return SortOrder::kNewest;
  if (sort == "price_asc") return SortOrder::kPriceAsc;
  if (sort == "price_desc") return SortOrder::kPriceDesc;
  if (sort == "name") return SortOrder::kName;
  return std::nullopt;
}

}  // namespace

common::Result<ListingQuery> make_listing_query(const ListingRequest& request) {
  std::vector<common::FieldError> errors;
  ListingQuery query;
  query.text = common::trim(request.q);
  if (query.text.size() > kMaxQueryLength)
    errors.push_back({"q", "must be at most 200 characters"});
  query.category_id = common::trim(request.category);
  if (!query.category_id.empty() && !common::is_uuid(query.category_id))
    errors.push_back({"category", "not a category id"});
  if (request.min_price && *request.min_price < 0)
    errors.push_back({"min_price", "must not be negative"});
  if (request.max_price && *request.max_price < 0)
    errors.push_back({"max_price", "must not be negative"});
  if (request.min_price && request.max_price && *request.min_price > *request.max_price)
    errors.push_back({"max_price", "must not be below min_price"});
  query.min_price_cents = request.min_price;
  query.max_price_cents = request.max_price;
  query.in_stock = request.in_stock;
  if (request.sort.empty()) {
    query.sort = query.text.empty() ? SortOrder::kNewest : SortOrder::kRelevance;
  } else if (auto sort = parse_sort(request.sort)) {
    // Relevance needs words to be relevant to.
    query.sort =
        (*sort == SortOrder::kRelevance && query.text.empty()) ? SortOrder::kNewest : *sort;
  } else {
    errors.push_back({"sort", "must be relevance, newest, price_asc, price_desc or name"});
  }
  if (request.page < 0 || request.page > kMaxPage) errors.push_back({"page", "must be 1 to 1000"});
  query.page = request.page == 0 ? 1 : request.page;
  if (request.page_size < 0 || request.page_size > kMaxPageSize)
    errors.push_back({"page_size", "must be 1 to 100"});
  query.page_size = request.page_size == 0 ? kDefaultPageSize : request.page_size;
  if (!errors.empty()) return common::Error::validation(std::move(errors));
  return query;
}

}  // namespace shop::product::models
