#pragma once
// ProductDocument as the JSON source the index stores, and back. Reading is strict:
// every field must be present with its type, so a document indexed by an older
// mapping shows up as an error instead of as a product with blank fields.

#include <boost/json/object.hpp>

#include "common/errors.hpp"
#include "search/product_document.hpp"

namespace shop::product::search {

boost::json::object to_json(const ProductDocument& document);

common::Result<ProductDocument> document_from_json(const boost::json::object& source);

}  // namespace shop::product::search
