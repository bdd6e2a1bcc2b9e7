#pragma once
// The body of the create-index request: analysis settings and an explicit mapping of
// every ProductDocument field. The mapping is strict, so a document with a field the
// mapping does not know is refused instead of silently growing the schema.

#include <boost/json/object.hpp>

namespace shop::product::search {

struct IndexOptions {
  int shards = 1;
  // 0 suits the single-node local stack; a cluster sets 1 or more.
  int replicas = 0;
};

// Subfields of `name` the queries use besides `name` itself (english analyzer).
inline constexpr const char* kNameSortField = "name.sort";
inline constexpr const char* kNamePrefixField = "name.prefix";

boost::json::object index_definition(const IndexOptions& options = {});

}  // namespace shop::product::search
