#pragma once
// Adding one option to a PostgreSQL conninfo, whichever of libpq's two forms it has.

#include <string>

namespace shop::testing {

// "key=value" for a keyword/value conninfo, "?key=value" (or "&...") for a postgresql://
// URI; the value is quoted or percent-encoded as each form needs.
std::string with_conninfo_option(const std::string& conninfo, const std::string& key,
                                 const std::string& value);

}  // namespace shop::testing
