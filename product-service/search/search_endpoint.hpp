#pragma once
// Where the search server listens, from a URL such as SEARCH_URL
// ("http://127.0.0.1:9200"). Plain HTTP only: the server sits beside the service.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::product::search {

struct SearchEndpoint {
  std::string host;
  std::uint16_t port = 0;
  bool operator==(const SearchEndpoint&) const = default;
};

// "http://host[:port][/]"; the port defaults to 9200, the search server's own default.
common::Result<SearchEndpoint> parse_search_url(std::string_view url);

}  // namespace shop::product::search
