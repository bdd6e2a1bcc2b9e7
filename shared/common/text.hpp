#pragma once
// Small text rules every service applies to its input.

#include <string>
#include <string_view>
#include <vector>

namespace shop::common {

// Without leading and trailing ASCII whitespace.
std::string trim(std::string_view text);
// ASCII letters in lower case, everything else unchanged.
std::string to_lower(std::string_view text);
// The canonical 8-4-4-4-12 hexadecimal form, either case.
bool is_uuid(std::string_view text);
// The pieces between separators; empty text has none ("a,,b" has three).
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace shop::common
