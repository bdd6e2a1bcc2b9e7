#pragma once
// The search index product-service talks to, as configured (SEARCH_URL, SEARCH_INDEX).

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>

#include "common/errors.hpp"
#include "config.hpp"
#include "search/search_index.hpp"

namespace shop::product {

// Null when SEARCH_URL is empty; an error for a URL or index name that cannot work.
common::Result<std::shared_ptr<search::SearchIndex>> open_search_index(
    boost::asio::any_io_executor executor, const Config& config);

// Creates the index and its alias if they do not exist, trying again every couple of
// seconds while the search server is unreachable (listings fall back meanwhile). False
// when the process stops first.
boost::asio::awaitable<bool> prepare_search_index(search::SearchIndex& index);

}  // namespace shop::product
