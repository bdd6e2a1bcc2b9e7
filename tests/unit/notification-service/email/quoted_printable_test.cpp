// encode_quoted_printable: escapes, line limits and a lossless round trip.
#include "email/quoted_printable.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "mime_decoding.hpp"

namespace shop::notification::email {
namespace {

using testing::crlf_lines;
using testing::decode_quoted_printable;

TEST(QuotedPrintableTest, EscapesEqualsSignsAndNonAsciiBytes) {
  EXPECT_EQ(encode_quoted_printable("a=b"), "a=3Db\r\n");
  EXPECT_EQ(encode_quoted_printable("Grüße"), "Gr=C3=BC=C3=9Fe\r\n");
}

TEST(QuotedPrintableTest, EscapesOnlyWhitespaceAtTheEndOfALine) {
  EXPECT_EQ(encode_quoted_printable("a b \nc\t"), "a b=20\r\nc=09\r\n");
}

TEST(QuotedPrintableTest, WritesEveryKindOfLineBreakAsCrlf) {
  EXPECT_EQ(encode_quoted_printable("a\nb\r\nc\rd\n"), "a\r\nb\r\nc\r\nd\r\n");
  EXPECT_EQ(encode_quoted_printable("\n\n"), "\r\n\r\n");
  EXPECT_EQ(encode_quoted_printable(""), "");
}

TEST(QuotedPrintableTest, BreaksLongLinesSoftlyWithoutSplittingAnEscape) {
  const std::string text = std::string(74, 'a') + "äöü" + std::string(100, 'b');
  const std::string encoded = encode_quoted_printable(text);
  for (std::string_view line : crlf_lines(encoded)) {
    EXPECT_LE(line.size(), 76U) << line;
    const auto equals = line.rfind('=');
    if (equals != std::string_view::npos) {
      EXPECT_TRUE(equals + 1 == line.size() || equals + 3 <= line.size()) << line;
    }
  }
  EXPECT_EQ(decode_quoted_printable(encoded), text + "\r\n");
}

TEST(QuotedPrintableTest, RoundTripsArbitraryBytes) {
  std::mt19937 random(1042);  // fixed seed: the same inputs on every run
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> pick(0, 9);
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 300; ++i) {
      const int kind = pick(random);
      // Line breaks only as CRLF, so that the decoded text equals the input.
      if (kind == 0) {
        text += "\r\n";
      } else if (kind < 3) {
        text.push_back(' ');
      } else {
        const char c = static_cast<char>(byte(random));
        if (c != '\r' && c != '\n') text.push_back(c);
      }
    }
    const std::string encoded = encode_quoted_printable(text);
    const std::string expected = text.ends_with("\r\n") ? text : text + "\r\n";
    EXPECT_EQ(decode_quoted_printable(encoded), expected);
    for (std::string_view line : crlf_lines(encoded)) {
      EXPECT_LE(line.size(), 76U);
      EXPECT_FALSE(line.ends_with(' ') || line.ends_with('\t')) << line;
    }
  }
}

}  // namespace
}  // namespace shop::notification::email
