#pragma once
// Keeps the search index in step with the catalog: every product and stock event names
// the products it touched; their documents are read again from PostgreSQL and written
// to the index (or removed, for deleted products). Reservations only matter when they
// sell a product out: listings take live stock from the database. Re-reading makes the handler
// idempotent and immune to events arriving out of order: the index always gets the
// latest state. A search server outage asks for a delayed retry.

#include <memory>
#include <string>
#include <vector>

#include "common/mq/consumer.hpp"
#include "repository/search_documents.hpp"
#include "search/search_index.hpp"

namespace shop::product::jobs {

inline constexpr const char* kSearchIndexQueue = "product-service.search-index";
// Every event product-service publishes that can change a product's document.
inline const std::vector<std::string> kSearchIndexBindings = {"product.#", "stock.#"};

// Reservations change stock all the time, and listings read live stock from the
// database anyway (api/product_listing.cpp): the index only needs to hear when a
// product sold out. Commits, releases and returns never take the last unit (a release
// or a return that brings a product back is also a product.back_in_stock event).
enum class IndexScope { kEveryProduct, kSoldOutOnly, kNone };
IndexScope index_scope(std::string_view event_type);

// The products an event is about; empty when it names none it could index.
std::vector<std::string> affected_products(const common::mq::CloudEvent& event);

common::mq::EventHandler make_search_indexer(
    const std::shared_ptr<repository::SearchDocuments>& documents,
    const std::shared_ptr<search::SearchIndex>& index);

}  // namespace shop::product::jobs
