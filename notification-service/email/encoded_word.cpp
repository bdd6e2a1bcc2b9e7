// RFC 2047 "B" encoded-words; see encoded_word.hpp.
#include "email/encoded_word.hpp"

#include <algorithm>

#include "common/auth/base64url.hpp"

namespace shop::notification::email {
namespace {

constexpr std::string_view kPrefix = "=?UTF-8?B?";
constexpr std::string_view kSuffix = "?=";
// 42 bytes are 56 base64 characters, a 68-character word: it still fits on the first
// line after "Subject: " (77 columns), and far below RFC 2047's 75-character limit.
constexpr std::size_t kMaxBytesPerWord = 42;

// Standard base64 with padding, which "B" encoding requires: the shared url-safe
// encoder's output with its two alphabet differences swapped back and padding added.
std::string base64(std::string_view bytes) {
  std::string text = common::auth::base64url_encode(bytes);
  std::ranges::replace(text, '-', '+');
  std::ranges::replace(text, '_', '/');
  text.append((4 - text.size() % 4) % 4, '=');
  return text;
}

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The longest prefix of at most kMaxBytesPerWord bytes that does not cut a character.
std::size_t chunk_length(std::string_view rest) {
  if (rest.size() <= kMaxBytesPerWord) return rest.size();
  std::size_t length = kMaxBytesPerWord;
  while (length > 0 && is_utf8_continuation(rest[length])) --length;
  // Not UTF-8 after all (continuation bytes throughout): any cut is as good as another.
  return length == 0 ? kMaxBytesPerWord : length;
}

}  // namespace

std::vector<std::string> encoded_words(std::string_view utf8) {
  std::vector<std::string> words;
  while (!utf8.empty()) {
    const std::size_t length = chunk_length(utf8);
    words.push_back(std::string(kPrefix) + base64(utf8.substr(0, length)) + std::string(kSuffix));
    utf8.remove_prefix(length);
  }
  return words;
}

}  // namespace shop::notification::email
