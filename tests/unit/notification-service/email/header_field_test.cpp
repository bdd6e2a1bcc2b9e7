// Header word choice, RFC 2047 encoded-words and folding.
#include "email/header_field.hpp"

#include <gtest/gtest.h>

#include <string>

#include "email/encoded_word.hpp"
#include "mime_decoding.hpp"

namespace shop::notification::email {
namespace {

using testing::crlf_lines;
using testing::decode_encoded_words;

TEST(HeaderFieldTest, FoldsBeforeTheWordThatWouldPassColumn78) {
  const std::vector<std::string> words(20, "word1234");  // 9 columns each with the space
  const std::string field = fold_header("Subject", words);
  const std::vector<std::string_view> lines = crlf_lines(field);
  ASSERT_EQ(lines.size(), 3U) << field;
  EXPECT_EQ(lines[0].size(), 8U + 7 * 9);  // "Subject:" then seven words
  EXPECT_TRUE(lines[1].starts_with(" word1234"));
  for (std::string_view line : lines) EXPECT_LE(line.size(), 78U);
  EXPECT_TRUE(field.ends_with("\r\n"));
}

TEST(HeaderFieldTest, MovesAWordTooLongForTheFirstLineToALineOfItsOwn) {
  const std::string field = fold_header("X-Long-Header-Name", {std::string(70, 'a')});
  EXPECT_EQ(field, "X-Long-Header-Name:\r\n " + std::string(70, 'a') + "\r\n");
}

TEST(HeaderFieldTest, EncodedWordsSplitOnlyBetweenCharacters) {
  const std::string text = "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€ ✓";  // 3 bytes each
  const std::vector<std::string> words = encoded_words(text);
  ASSERT_GT(words.size(), 1U);
  for (const std::string& word : words) {
    EXPECT_LE(word.size(), 68U);
    const std::string decoded = decode_encoded_words(word);
    EXPECT_NE(static_cast<unsigned char>(decoded.front()) & 0xC0, 0x80) << "starts mid-character";
  }
  std::string joined;
  for (const std::string& word : words) joined += word + " ";
  EXPECT_EQ(decode_encoded_words(joined.substr(0, joined.size() - 1)), text);
}

TEST(HeaderFieldTest, KeepsPlainAsciiPlain) {
  EXPECT_EQ(unstructured_words("Order shipped"), (std::vector<std::string>{"Order", "shipped"}));
  EXPECT_EQ(phrase_words("Anna Smith"), (std::vector<std::string>{"Anna", "Smith"}));
  EXPECT_EQ(phrase_words("A. Smith"), (std::vector<std::string>{"\"A.", "Smith\""}));
  EXPECT_TRUE(unstructured_words("").empty());
}

}  // namespace
}  // namespace shop::notification::email
