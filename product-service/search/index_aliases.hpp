#pragma once
// Versioned indices behind one alias: readers and writers always use the alias
// ("products"), and a rebuild fills a fresh index and then moves the alias to it in
// one atomic _aliases request, so searches never see a half-built index.

#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"

namespace shop::product::search {

// Lower-case letters, digits, '_' and '-', not starting with '_' or '-', at most 100
// characters: always a valid index name, even with the version suffix added.
bool is_valid_alias(std::string_view alias);

// "<alias>_v<UTC yyyymmddhhmmss><microseconds>": names of one alias sort by age.
std::string versioned_index_name(std::string_view alias, std::chrono::system_clock::time_point now);

// Body of POST /_aliases: drop the alias from `old_indices` and add it to `new_index`,
// applied by the server as one atomic change.
boost::json::object alias_swap_body(std::string_view alias,
                                    const std::vector<std::string>& old_indices,
                                    std::string_view new_index);

// GET /_alias/<alias> answer → the indices it points at, sorted.
common::Result<std::vector<std::string>> parse_alias_indices(std::string_view body);

}  // namespace shop::product::search
