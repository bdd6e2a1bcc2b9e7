#pragma once
// The documents a rebuild loads, supplied by the caller batch by batch (e.g. pages of
// a catalog query), so a rebuild never holds the whole catalog in memory.

#include <boost/asio/awaitable.hpp>

#include <vector>

#include "common/errors.hpp"
#include "search/product_document.hpp"

namespace shop::product::search {

class DocumentStream {
 public:
  virtual ~DocumentStream() = default;
  // The next batch; an empty batch ends the stream. An error aborts the rebuild.
  virtual boost::asio::awaitable<common::Result<std::vector<ProductDocument>>> next_batch() = 0;
};

}  // namespace shop::product::search
