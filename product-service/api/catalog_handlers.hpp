#pragma once
// Products and categories: one function per RPC.

#include <google/protobuf/empty.pb.h>

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/product.pb.h"

namespace shop::product::api {

using common::grpc_glue::CallContext;

Task<v1::ProductPage> list_products(const Deps& deps, const v1::ListProductsRequest& request);
Task<v1::Product> get_product(const Deps& deps, const v1::GetProductRequest& request);
Task<v1::ProductList> get_products(const Deps& deps, const v1::GetProductsRequest& request);
Task<v1::Product> create_product(const Deps& deps, const v1::CreateProductRequest& request,
                                 CallContext call);
Task<v1::Product> update_product(const Deps& deps, const v1::UpdateProductRequest& request,
                                 CallContext call);
Task<google::protobuf::Empty> delete_product(const Deps& deps,
                                             const v1::DeleteProductRequest& request,
                                             CallContext call);
Task<v1::CategoryList> list_categories(const Deps& deps);
Task<v1::Category> create_category(const Deps& deps, const v1::CreateCategoryRequest& request,
                                   CallContext call);

}  // namespace shop::product::api
