#pragma once
// Domain <-> protobuf for product-service messages.

#include "models/listing.hpp"
#include "models/product.hpp"
#include "models/stock.hpp"
#include "proto/product.pb.h"
#include "repository/inventory_repository.hpp"

namespace shop::product::api {

v1::Product to_proto(const models::Product& product);
v1::Category to_proto(const models::Category& category);
v1::Reservation to_proto(const models::Reservation& reservation);
v1::Inventory to_proto(const repository::InventoryLevel& level);
v1::ProductPage to_proto(const models::ListingPage& page, const models::ListingQuery& query);

models::NewProduct from_proto(const v1::CreateProductRequest& request);
models::ProductChange from_proto(const v1::UpdateProductRequest& request);
models::ListingRequest from_proto(const v1::ListProductsRequest& request);

}  // namespace shop::product::api
