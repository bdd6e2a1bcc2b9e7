#pragma once
// Test-side readers for what the mail builder writes, independent of its code: they
// undo folding, RFC 2047 encoded-words and quoted-printable, so tests can check that
// the encoded text says exactly what went in.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shop::notification::email::testing {

// The lines of `text` without their CRLF; a final CRLF does not start another line.
std::vector<std::string_view> crlf_lines(std::string_view text);

// The header section (up to the first empty line) and the body after it.
std::string_view header_section(std::string_view message);
std::string_view body_section(std::string_view message);

// The unfolded value of the first header field called `name`, without the space after
// the colon; nullopt when there is none.
std::optional<std::string> header_value(std::string_view message, std::string_view name);

// Decodes "=?UTF-8?B?...?=" words; the space between two adjacent ones is dropped.
std::string decode_encoded_words(std::string_view value);

// Removes soft line breaks and decodes "=XX"; nullopt on a malformed escape.
std::optional<std::string> decode_quoted_printable(std::string_view encoded);

}  // namespace shop::notification::email::testing
