#include "api/conversions.hpp"

namespace shop::product::api {

v1::Product to_proto(const models::Product& product) {
  v1::Product out;
  out.set_id(product.id);
  out.set_sku(product.sku);
  out.set_name(product.name);
  out.set_description(product.description);
  out.set_price_cents(product.price_cents);
  out.set_currency(product.currency);
  out.set_category_id(product.category_id);
  out.set_stock_available(product.stock_available);
  out.set_created_at(product.created_at);
  out.set_updated_at(product.updated_at);
  return out;
}

v1::Category to_proto(const models::Category& category) {
  v1::Category out;
  out.set_id(category.id);
  out.set_name(category.name);
  out.set_parent_id(category.parent_id);
  out.set_created_at(category.created_at);
  return out;
}

v1::Reservation to_proto(const models::Reservation& reservation) {
  v1::Reservation out;
  out.set_order_id(reservation.order_id);
  out.set_status(std::string(models::to_string(reservation.status)));
  out.set_expires_at(reservation.expires_at);
  for (const auto& line : reservation.items) {
    auto* item = out.add_items();
    item->set_product_id(line.product_id);
    item->set_quantity(line.quantity);
    item->set_unit_price_cents(line.unit_price_cents);
    item->set_currency(line.currency);
    item->set_name(line.name);
  }
  return out;
}

v1::Inventory to_proto(const repository::InventoryLevel& level) {
  v1::Inventory out;
  out.set_product_id(level.product_id);
  out.set_on_hand(level.level.on_hand);
  out.set_reserved(level.level.reserved);
  out.set_stock_available(level.level.available());
  return out;
}

v1::ProductPage to_proto(const models::ListingPage& page, const models::ListingQuery& query) {
  v1::ProductPage out;
  for (const auto& product : page.items) *out.add_items() = to_proto(product);
  out.set_total(page.total);
  out.set_page(query.page);
  out.set_page_size(query.page_size);
  for (const auto& facet : page.facets) {
    auto* count = out.add_facets();
    count->set_category_id(facet.category_id);
    count->set_count(facet.count);
  }
  out.set_degraded(page.degraded);
  return out;
}

models::NewProduct from_proto(const v1::CreateProductRequest& request) {
  return {request.sku(),         request.name(),     request.description(),
          request.price_cents(), request.currency(), request.category_id()};
}

models::ProductChange from_proto(const v1::UpdateProductRequest& request) {
  models::ProductChange change;
  if (request.has_sku()) change.sku = request.sku();
  if (request.has_name()) change.name = request.name();
  if (request.has_description()) change.description = request.description();
  if (request.has_price_cents()) change.price_cents = request.price_cents();
  if (request.has_currency()) change.currency = request.currency();
  if (request.has_category_id()) change.category_id = request.category_id();
  return change;
}

models::ListingRequest from_proto(const v1::ListProductsRequest& request) {
  models::ListingRequest listing;
  listing.q = request.q();
  listing.category = request.category();
  if (request.has_min_price()) listing.min_price = request.min_price();
  if (request.has_max_price()) listing.max_price = request.max_price();
  if (request.has_in_stock()) listing.in_stock = request.in_stock();
  listing.sort = request.sort();
  listing.page = request.page();
  listing.page_size = request.page_size();
  return listing;
}

}  // namespace shop::product::api
