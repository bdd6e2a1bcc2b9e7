// Quoted-printable encoding; see quoted_printable.hpp.
#include "email/quoted_printable.hpp"

namespace shop::notification::email {
namespace {

constexpr std::size_t kMaxLineLength = 76;
// A line that continues ends in "=", which needs a column of its own.
constexpr std::size_t kMaxContentBeforeSoftBreak = kMaxLineLength - 1;
constexpr std::string_view kHexDigits = "0123456789ABCDEF";

bool is_literal(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 33 && byte <= 126 && c != '=';
}

class LineWriter {
 public:
  explicit LineWriter(std::string& out) : out_(out) {}

  void put(std::string_view token) {
    if (column_ + token.size() > kMaxContentBeforeSoftBreak) {
      out_ += "=\r\n";
      column_ = 0;
    }
    out_ += token;
    column_ += token.size();
  }

  void end_line() {
    out_ += "\r\n";
    column_ = 0;
  }

 private:
  std::string& out_;
  std::size_t column_ = 0;
};

// One line without its break. Spaces and tabs stay literal except the last one, which
// transports may strip.
void encode_line(std::string_view line, LineWriter& writer) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool is_last = i + 1 == line.size();
    if (is_literal(c) || ((c == ' ' || c == '\t') && !is_last)) {
      writer.put(std::string_view(&line[i], 1));
    } else {
      const auto byte = static_cast<unsigned char>(c);
      const char escaped[] = {'=', kHexDigits[byte >> 4], kHexDigits[byte & 0x0F]};
      writer.put(std::string_view(escaped, sizeof escaped));
    }
  }
  writer.end_line();
}

}  // namespace

std::string encode_quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  LineWriter writer(out);
  while (!text.empty()) {
    const std::size_t end = text.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      encode_line(text, writer);
      break;
    }
    encode_line(text.substr(0, end), writer);
    const bool is_crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    text.remove_prefix(end + (is_crlf ? 2 : 1));
  }
  return out;
}

}  // namespace shop::notification::email
