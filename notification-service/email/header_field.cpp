// Word choice and folding for header fields; see header_field.hpp.
#include "email/header_field.hpp"

#include <algorithm>
#include <cctype>

#include "common/text.hpp"
#include "email/encoded_word.hpp"
#include "email/header_checks.hpp"

namespace shop::notification::email {
namespace {

constexpr std::size_t kMaxLineLength = 78;
// A word on a continuation line follows one space.
constexpr std::size_t kMaxPlainWord = kMaxLineLength - 1;
constexpr std::string_view kAtomSpecials = "!#$%&'*+-/=?^_`{|}~";

// Plain words keep the text exactly only when single spaces separate them: a fold
// next to a run of spaces could leave a line of nothing but whitespace. "=?" would be
// read back as the start of an encoded-word.
bool splits_into_plain_words(std::string_view text) {
  if (text.empty() || !is_printable_ascii(text) || text.front() == ' ' || text.back() == ' ' ||
      text.find("  ") != std::string_view::npos || text.find("=?") != std::string_view::npos) {
    return false;
  }
  return std::ranges::all_of(common::split(text, ' '),
                             [](const std::string& word) { return word.size() <= kMaxPlainWord; });
}

bool is_atom_text(std::string_view text) {
  return std::ranges::all_of(text, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == ' ' ||
           kAtomSpecials.find(c) != std::string_view::npos;
  });
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::vector<std::string> unstructured_words(std::string_view text) {
  if (text.empty()) return {};
  if (splits_into_plain_words(text)) return common::split(text, ' ');
  return encoded_words(text);
}

std::vector<std::string> phrase_words(std::string_view display_name) {
  if (display_name.empty()) return {};
  if (splits_into_plain_words(display_name)) {
    if (is_atom_text(display_name)) return common::split(display_name, ' ');
    const std::string quoted_name = quoted(display_name);
    if (splits_into_plain_words(quoted_name)) return common::split(quoted_name, ' ');
  }
  return encoded_words(display_name);
}

std::vector<std::string> mailbox_words(const MailAddress& mailbox) {
  std::vector<std::string> words = phrase_words(mailbox.display_name);
  words.push_back(words.empty() ? mailbox.address : "<" + mailbox.address + ">");
  return words;
}

std::string fold_header(std::string_view name, const std::vector<std::string>& words) {
  std::string out(name);
  out.push_back(':');
  // The field name counts as the first line's content, so a long first word may move
  // down to a line of its own. No fold before an empty word (from a run of spaces): the
  // line would hold only whitespace.
  std::size_t column = out.size();
  for (const std::string& word : words) {
    if (!word.empty() && column + 1 + word.size() > kMaxLineLength) {
      out += "\r\n";
      column = 0;
    }
    out.push_back(' ');
    out += word;
    column += 1 + word.size();
  }
  out += "\r\n";
  return out;
}

}  // namespace shop::notification::email
