#pragma once
// Fresh random names and keys, so reruns and other users of a shared server never meet.

#include <cstdint>
#include <string>

namespace shop::testing {

// Ten lower-case letters and digits: fits SQL identifiers, queue names, index names.
std::string unique_suffix();
// A positive random 64-bit key (advisory locks and the like).
std::int64_t random_key();

}  // namespace shop::testing
