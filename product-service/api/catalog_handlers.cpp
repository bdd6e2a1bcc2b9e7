#include "api/catalog_handlers.hpp"

#include <unordered_map>

#include "api/conversions.hpp"
#include "api/product_listing.hpp"
#include "common/identity/access.hpp"
#include "common/text.hpp"
#include "models/validation.hpp"

namespace shop::product::api {

using common::Error;

namespace {
constexpr std::size_t kMaxBatch = 100;
}  // namespace

Task<v1::ProductPage> list_products(const Deps& deps, const v1::ListProductsRequest& request) {
  auto query = models::make_listing_query(from_proto(request));
  if (!query) co_return query.error();
  auto page = co_await find_listing(deps, *query);
  if (!page) co_return page.error();
  co_return to_proto(*page, *query);
}

Task<v1::Product> get_product(const Deps& deps, const v1::GetProductRequest& request) {
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  auto product = co_await deps.catalog->find_product(request.id());
  if (!product) co_return product.error();
  co_return to_proto(*product);
}

Task<v1::ProductList> get_products(const Deps& deps, const v1::GetProductsRequest& request) {
  if (request.ids_size() > static_cast<int>(kMaxBatch))
    co_return Error::validation({{"ids", "at most 100 ids"}});
  std::vector<std::string> ids;
  for (const auto& id : request.ids()) {
    if (common::is_uuid(id)) ids.push_back(id);
  }
  v1::ProductList list;
  if (ids.empty()) co_return list;
  auto found = co_await deps.catalog->find_products(ids);
  if (!found) co_return found.error();
  std::unordered_map<std::string, const models::Product*> by_id;
  for (const auto& product : *found) by_id[product.id] = &product;
  for (const auto& id : request.ids()) {
    if (auto it = by_id.find(id); it != by_id.end()) *list.add_items() = to_proto(*it->second);
  }
  co_return list;
}

Task<v1::Product> create_product(const Deps& deps, const v1::CreateProductRequest& request,
                                 CallContext call) {
  if (auto admin = co_await common::identity::require_admin(*deps.authenticator, call); !admin)
    co_return admin.error();
  auto product = from_proto(request);
  if (auto errors = models::validate_new_product(product); !errors.empty())
    co_return Error::validation(std::move(errors));
  const repository::WriteContext context{call.trace()};
  auto created = co_await deps.catalog->create_product(product, context);
  if (!created) co_return created.error();
  co_return to_proto(*created);
}

Task<v1::Product> update_product(const Deps& deps, const v1::UpdateProductRequest& request,
                                 CallContext call) {
  if (auto admin = co_await common::identity::require_admin(*deps.authenticator, call); !admin)
    co_return admin.error();
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  auto change = from_proto(request);
  if (auto errors = models::validate_product_change(change); !errors.empty())
    co_return Error::validation(std::move(errors));
  const repository::WriteContext context{call.trace()};
  auto updated = co_await deps.catalog->update_product(request.id(), change, context);
  if (!updated) co_return updated.error();
  co_return to_proto(*updated);
}

Task<google::protobuf::Empty> delete_product(const Deps& deps,
                                             const v1::DeleteProductRequest& request,
                                             CallContext call) {
  if (auto admin = co_await common::identity::require_admin(*deps.authenticator, call); !admin)
    co_return admin.error();
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  const repository::WriteContext context{call.trace()};
  if (auto deleted = co_await deps.catalog->delete_product(request.id(), context); !deleted)
    co_return deleted.error();
  co_return google::protobuf::Empty{};
}

Task<v1::CategoryList> list_categories(const Deps& deps) {
  auto categories = co_await deps.catalog->list_categories();
  if (!categories) co_return categories.error();
  v1::CategoryList list;
  for (const auto& category : *categories) *list.add_items() = to_proto(category);
  co_return list;
}

Task<v1::Category> create_category(const Deps& deps, const v1::CreateCategoryRequest& request,
                                   CallContext call) {
  if (auto admin = co_await common::identity::require_admin(*deps.authenticator, call); !admin)
    co_return admin.error();
  models::NewCategory category{request.name(), request.parent_id()};
  if (auto errors = models::validate_new_category(category); !errors.empty())
    co_return Error::validation(std::move(errors));
  auto created = co_await deps.catalog->create_category(category);
  if (!created) co_return created.error();
  co_return to_proto(*created);
}

}  // namespace shop::product::api
