#pragma once
// Storage seam of the catalog: products and categories.

#include <string>
#include <vector>

#include "models/listing.hpp"
#include "models/product.hpp"
#include "repository/event_outbox.hpp"

namespace shop::product::repository {

class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;
  // kConflict for a SKU a live product has; kValidation for an unknown category.
  virtual Task<models::Product> create_product(const models::NewProduct& product,
                                               WriteContext context) = 0;
  // kNotFound for an unknown or deleted product.
  virtual Task<models::Product> find_product(const std::string& id) = 0;
  // The live products among `ids`, in no particular order.
  virtual Task<std::vector<models::Product>> find_products(const std::vector<std::string>& ids) = 0;
  virtual Task<models::Product> update_product(const std::string& id,
                                               const models::ProductChange& change,
                                               WriteContext context) = 0;
  virtual Task<void> delete_product(const std::string& id, WriteContext context) = 0;
  // The database's own search: the answer when the search server cannot give one.
  virtual Task<models::ListingPage> list_products(const models::ListingQuery& query) = 0;

  virtual Task<std::vector<models::Category>> list_categories() = 0;
  // kConflict for a name its parent already has; kValidation for an unknown parent.
  virtual Task<models::Category> create_category(const models::NewCategory& category) = 0;
};

}  // namespace shop::product::repository
