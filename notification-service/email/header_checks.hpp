#pragma once
// The checks that keep caller-supplied text from adding or breaking header lines.

#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::email {

// Refuses CR and LF, which would end the header line and let the rest of the value
// inject headers (or a body) of its own. `field` names the value in the error.
common::Result<void> refuse_line_breaks(std::string_view value, std::string_view field);

// Minimal: one '@' with text on both sides, ASCII, and none of the characters that
// would end the address or start another one in a header (space, <, >, comma, ...).
common::Result<void> check_mail_address(std::string_view address, std::string_view field);

bool is_printable_ascii(std::string_view text);

}  // namespace shop::notification::email
