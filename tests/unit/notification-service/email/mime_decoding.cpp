// Test-side MIME decoding; see mime_decoding.hpp.
#include "mime_decoding.hpp"

#include <algorithm>

#include "common/auth/base64url.hpp"
#include "common/text.hpp"

namespace shop::notification::email::testing {
namespace {

constexpr std::string_view kWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kWordSuffix = "?=";

bool is_encoded_word(std::string_view token) {
  return token.size() >= kWordPrefix.size() + kWordSuffix.size() &&
         token.starts_with(kWordPrefix) && token.ends_with(kWordSuffix);
}

std::string decode_base64(std::string_view text) {
  std::string url_safe(text.substr(0, text.find('=')));
  std::ranges::replace(url_safe, '+', '-');
  std::ranges::replace(url_safe, '/', '_');
  return common::auth::base64url_decode(url_safe).value_or("<bad base64>");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // quoted-printable uses upper case only
}

}  // namespace

std::vector<std::string_view> crlf_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find("\r\n");
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 2);
  }
  return lines;
}

std::string_view header_section(std::string_view message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

std::string_view body_section(std::string_view message) {
  const auto end = message.find("\r\n\r\n");
  return end == std::string_view::npos ? std::string_view{} : message.substr(end + 4);
}

std::optional<std::string> header_value(std::string_view message, std::string_view name) {
  const std::vector<std::string_view> lines = crlf_lines(header_section(message));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].starts_with(std::string(name) + ":")) continue;
    std::string value(lines[i].substr(name.size() + 1));
    for (std::size_t next = i + 1;
         next < lines.size() && (lines[next].starts_with(' ') || lines[next].starts_with('\t'));
         ++next) {
      value += lines[next];
    }
    if (value.starts_with(' ')) value.erase(0, 1);
    return value;
  }
  return std::nullopt;
}

std::string decode_encoded_words(std::string_view value) {
  std::string out;
  bool previous_was_encoded = false;
  bool first = true;
  for (const std::string& token : common::split(value, ' ')) {
    const bool encoded = is_encoded_word(token);
    if (!first && !(encoded && previous_was_encoded)) out.push_back(' ');
    out += encoded
               ? decode_base64(std::string_view(token).substr(
                     kWordPrefix.size(), token.size() - kWordPrefix.size() - kWordSuffix.size()))
               : token;
    previous_was_encoded = encoded;
    first = false;
  }
  return out;
}

std::optional<std::string> decode_quoted_printable(std::string_view encoded) {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] != '=') {
      out.push_back(encoded[i]);
      continue;
    }
    if (encoded.substr(i + 1, 2) == "\r\n") {  // soft line break
      i += 2;
      continue;
    }
    if (i + 2 >= encoded.size()) return std::nullopt;
    const int high = hex_value(encoded[i + 1]);
    const int low = hex_value(encoded[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

}  // namespace shop::notification::email::testing
