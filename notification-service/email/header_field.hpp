#pragma once
// Header fields as written on the wire: the value split into words, plain where the
// text allows it and RFC 2047 encoded-words where not, then folded so no line passes
// 78 columns (RFC 5322 section 2.1.1).

#include <string>
#include <string_view>
#include <vector>

#include "email/outgoing_mail.hpp"

namespace shop::notification::email {

// Free text such as a subject.
std::vector<std::string> unstructured_words(std::string_view text);

// A display name before an address: atoms, a quoted string, or encoded-words.
std::vector<std::string> phrase_words(std::string_view display_name);

// `Name <address>`, or the bare address when there is no display name.
std::vector<std::string> mailbox_words(const MailAddress& mailbox);

// "Name: word word ...\r\n", with a fold (CRLF before the separating space) wherever the
// next word would pass column 78. A word longer than a line gets a line of its own.
std::string fold_header(std::string_view name, const std::vector<std::string>& words);

}  // namespace shop::notification::email
