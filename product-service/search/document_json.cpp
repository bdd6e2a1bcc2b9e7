#include "search/document_json.hpp"

#include <boost/json/array.hpp>

#include "search/json_fields.hpp"

namespace shop::product::search {

boost::json::object to_json(const ProductDocument& document) {
  boost::json::array path;
  for (const auto& category : document.category_path) path.emplace_back(category);
  return {
      {"id", document.id},
      {"sku", document.sku},
      {"name", document.name},
      {"description", document.description},
      {"price_cents", document.price_cents},
      {"currency", document.currency},
      {"category_id", document.category_id},
      {"category_path", std::move(path)},
      {"stock_available", document.stock_available},
      {"in_stock", document.in_stock},
      {"created_at", document.created_at},
      {"updated_at", document.updated_at},
  };
}

common::Result<ProductDocument> document_from_json(const boost::json::object& source) {
  ProductDocument document;
  for (auto [field, key] :
       {std::pair{&ProductDocument::id, "id"}, std::pair{&ProductDocument::sku, "sku"},
        std::pair{&ProductDocument::name, "name"},
        std::pair{&ProductDocument::description, "description"},
        std::pair{&ProductDocument::currency, "currency"},
        std::pair{&ProductDocument::category_id, "category_id"},
        std::pair{&ProductDocument::created_at, "created_at"},
        std::pair{&ProductDocument::updated_at, "updated_at"}}) {
    auto text = json_fields::string(source, key);
    if (!text) return text.error();
    document.*field = std::move(*text);
  }
  for (auto [field, key] : {std::pair{&ProductDocument::price_cents, "price_cents"},
                            std::pair{&ProductDocument::stock_available, "stock_available"}}) {
    auto number = json_fields::integer(source, key);
    if (!number) return number.error();
    document.*field = *number;
  }
  auto in_stock = json_fields::boolean(source, "in_stock");
  if (!in_stock) return in_stock.error();
  document.in_stock = *in_stock;

  auto path = json_fields::array(source, "category_path");
  if (!path) return path.error();
  for (const auto& entry : **path) {
    if (!entry.is_string()) {
      return common::Error::internal("search server answer: category_path holds a non-string");
    }
    document.category_path.emplace_back(entry.get_string());
  }
  return document;
}

}  // namespace shop::product::search
