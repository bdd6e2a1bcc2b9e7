#pragma once
// Quoted-printable (RFC 2045 section 6.7): UTF-8 text bodies as 7-bit lines a relay
// passes on untouched.

#include <string>
#include <string_view>

namespace shop::notification::email {

// Every line break of `text` (CRLF, LF or CR) becomes CRLF, and the result ends with one.
// Lines are at most 76 characters, longer ones continue after a soft break ("=" at the
// end); '=', bytes outside printable ASCII and whitespace before a line break are
// written as "=XX".
std::string encode_quoted_printable(std::string_view text);

}  // namespace shop::notification::email
