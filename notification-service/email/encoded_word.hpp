#pragma once
// RFC 2047 encoded-words: how non-ASCII text (and text that would otherwise be
// misread) goes into a header that must stay 7-bit.

#include <string>
#include <string_view>
#include <vector>

namespace shop::notification::email {

// `utf8` as "=?UTF-8?B?...?=" words of at most 68 characters each, split only between
// characters. Decoders join adjacent encoded-words without the space between them, so
// the words may be folded onto separate lines.
std::vector<std::string> encoded_words(std::string_view utf8);

}  // namespace shop::notification::email
