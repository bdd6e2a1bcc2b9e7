#pragma once
// What every product-service handler needs, built once in main and shared read-only.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "common/errors.hpp"
#include "common/identity/authenticator.hpp"
#include "repository/catalog_repository.hpp"
#include "repository/inventory_repository.hpp"
#include "search/search_index.hpp"

namespace shop::product::api {

struct Deps {
  std::shared_ptr<repository::CatalogRepository> catalog;
  std::shared_ptr<repository::InventoryRepository> inventory;
  std::shared_ptr<common::identity::Authenticator> authenticator;
  // Null when no search server is configured: the database answers every listing.
  std::shared_ptr<search::SearchIndex> search;
  std::chrono::seconds default_reservation_ttl{900};
  std::chrono::seconds max_reservation_ttl{86'400};
};

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

}  // namespace shop::product::api
