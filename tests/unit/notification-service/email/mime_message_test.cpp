// build_mime_message: exact header lines, encodings that decode back to the input,
// 7-bit output within the line limits, and refusal of header injection.
#include "email/mime_message.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "mime_decoding.hpp"

namespace shop::notification::email {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using testing::body_section;
using testing::crlf_lines;
using testing::decode_encoded_words;
using testing::decode_quoted_printable;
using testing::header_value;

OutgoingMail shipped_mail() {
  OutgoingMail mail;
  mail.from = {"shop@shop.test", "Shop"};
  mail.to = {"anna@example.test", "Anna Müller"};
  mail.subject = "Your order 1042 has shipped";
  mail.text_body = "Hello Anna,\nyour order is on its way.\n";
  mail.message_id = "order-1042@shop.test";
  mail.date = sys_days{2026y / November / 7d} + 23h + 37min + 21s + 500ms;
  return mail;
}

std::string build_or_fail(const OutgoingMail& mail, std::string_view boundary = {}) {
  auto message = build_mime_message(mail, boundary);
  EXPECT_TRUE(message.has_value()) << (message ? "" : message.error().detail);
  return message ? *message : std::string{};
}

// The field name the validation error points at, or "" when building succeeded.
std::string refused_field(const OutgoingMail& mail) {
  auto message = build_mime_message(mail);
  if (message) return "";
  EXPECT_EQ(message.error().code, common::ErrorCode::kValidation);
  return message.error().fields.empty() ? "<no field>" : message.error().fields.front().field;
}

void expect_within_limits(std::string_view message) {
  EXPECT_TRUE(std::ranges::all_of(message, [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  })) << "not 7-bit clean";
  for (std::string_view line : crlf_lines(message)) {
    EXPECT_LE(line.size(), 78U) << line;
    EXPECT_EQ(line.find_first_of("\r\n"), std::string_view::npos) << "bare CR or LF in " << line;
  }
}

TEST(MimeMessageTest, WritesPlainTextMailExactly) {
  EXPECT_EQ(build_or_fail(shipped_mail()),
            "Date: Sat, 07 Nov 2026 23:37:21 +0000\r\n"
            "From: Shop <shop@shop.test>\r\n"
            "To: =?UTF-8?B?QW5uYSBNw7xsbGVy?= <anna@example.test>\r\n"
            "Subject: Your order 1042 has shipped\r\n"
            "Message-ID: <order-1042@shop.test>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "Hello Anna,\r\n"
            "your order is on its way.\r\n");
}

TEST(MimeMessageTest, WritesMultipartAlternativeWithTheGivenBoundary) {
  OutgoingMail mail = shipped_mail();
  mail.html_body = "<p>Hello Anna</p>";
  const std::string message = build_or_fail(mail, "b-42");
  EXPECT_EQ(header_value(message, "Content-Type"), "multipart/alternative; boundary=\"b-42\"");
  EXPECT_EQ(body_section(message),
            "--b-42\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "Hello Anna,\r\n"
            "your order is on its way.\r\n"
            "--b-42\r\n"
            "Content-Type: text/html; charset=utf-8\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "\r\n"
            "<p>Hello Anna</p>\r\n"
            "--b-42--\r\n");
}

TEST(MimeMessageTest, RandomBoundaryDiffersPerMessageAndDelimitsTheParts) {
  OutgoingMail mail = shipped_mail();
  mail.html_body = "<p>Hello</p>";
  const std::string first = build_or_fail(mail);
  const std::string second = build_or_fail(mail);
  const std::string content_type = header_value(first, "Content-Type").value_or("");
  const auto quote = content_type.find('"');
  ASSERT_NE(quote, std::string::npos) << content_type;
  const std::string boundary = content_type.substr(quote + 1, content_type.size() - quote - 2);
  EXPECT_NE(header_value(second, "Content-Type"), content_type);
  EXPECT_TRUE(body_section(first).starts_with("--" + boundary + "\r\n"));
  EXPECT_TRUE(body_section(first).ends_with("\r\n--" + boundary + "--\r\n"));
  expect_within_limits(first);
}

TEST(MimeMessageTest, EncodesANonAsciiSubjectThatDecodesBackAndFolds) {
  OutgoingMail mail = shipped_mail();
  mail.subject =
      "Ihre Bestellung 1042 wurde verschickt – Lieferung voraussichtlich am Dienstag, "
      "den 10. November ✓ Grüße aus dem Lager";
  const std::string message = build_or_fail(mail);
  const std::string subject = header_value(message, "Subject").value_or("");
  EXPECT_TRUE(subject.starts_with("=?UTF-8?B?")) << subject;
  EXPECT_EQ(decode_encoded_words(subject), mail.subject);
  EXPECT_GT(std::ranges::count(testing::header_section(message), '\n'), 8) << "not folded";
  expect_within_limits(message);
}

TEST(MimeMessageTest, FoldsALongAsciiSubjectAtSpacesWithoutEncodingIt) {
  OutgoingMail mail = shipped_mail();
  mail.subject =
      "Your order 1042 has shipped and will arrive on Tuesday; track it with the link in "
      "this mail or in your account under Orders";
  const std::string message = build_or_fail(mail);
  EXPECT_EQ(header_value(message, "Subject"), mail.subject);
  EXPECT_NE(message.find("Subject: Your order"), std::string::npos);
  expect_within_limits(message);
}

TEST(MimeMessageTest, EncodesSubjectsThatPlainTextWouldMisrepresent) {
  const std::vector<std::string> subjects = {"=?UTF-8?B?Zm9v?= is not a word", "two  spaces",
                                             " leading", std::string(90, 'x')};
  for (const std::string& subject : subjects) {
    OutgoingMail mail = shipped_mail();
    mail.subject = subject;
    const std::string message = build_or_fail(mail);
    const std::string written = header_value(message, "Subject").value_or("");
    EXPECT_TRUE(written.starts_with("=?UTF-8?B?")) << written;
    EXPECT_EQ(decode_encoded_words(written), subject);
    expect_within_limits(message);
  }
}

TEST(MimeMessageTest, WritesDisplayNamesAsAtomsQuotedStringsOrEncodedWords) {
  OutgoingMail mail = shipped_mail();
  mail.from.display_name = "Shop, Inc. \"Support\"";
  mail.to = {"anna@example.test", ""};
  const std::string message = build_or_fail(mail);
  EXPECT_EQ(header_value(message, "From"), R"("Shop, Inc. \"Support\"" <shop@shop.test>)");
  EXPECT_EQ(header_value(message, "To"), "anna@example.test");
}

TEST(MimeMessageTest, BodiesRoundTripThroughQuotedPrintable) {
  OutgoingMail mail = shipped_mail();
  mail.text_body = "Grüße, Anna! a=b \t\r\n" + std::string(200, 'z') + " ✓ \nEnd";
  mail.html_body = "<p style=\"color: red\">Größe: 42 €</p>";
  const std::string message = build_or_fail(mail, "b");
  const std::string_view body = body_section(message);
  const auto text_start = body.find("\r\n\r\n") + 4;
  const auto text_end = body.find("--b\r\n", text_start);
  const auto html_start = body.find("\r\n\r\n", text_end) + 4;
  const auto html_end = body.find("--b--", html_start);
  EXPECT_EQ(decode_quoted_printable(body.substr(text_start, text_end - text_start)),
            "Grüße, Anna! a=b \t\r\n" + std::string(200, 'z') + " ✓ \r\nEnd\r\n");
  EXPECT_EQ(decode_quoted_printable(body.substr(html_start, html_end - html_start)),
            *mail.html_body + "\r\n");
  expect_within_limits(message);
}

TEST(MimeMessageTest, GeneratesAMessageIdAtTheSendersDomain) {
  OutgoingMail mail = shipped_mail();
  mail.message_id.clear();
  const std::string id = header_value(build_or_fail(mail), "Message-ID").value_or("");
  EXPECT_TRUE(id.starts_with("<") && id.ends_with("@shop.test>")) << id;
  EXPECT_EQ(id.size(), std::string("<@shop.test>").size() + 32) << id;

  mail.message_id = "<given@shop.test>";
  EXPECT_EQ(header_value(build_or_fail(mail), "Message-ID"), "<given@shop.test>");
}

TEST(MimeMessageTest, WritesExtraHeadersAfterMimeVersion) {
  OutgoingMail mail = shipped_mail();
  mail.extra_headers = {{"X-Shop-Notification-Id", "n-7"},
                        {"List-Unsubscribe", "<https://shop.test/unsubscribe?t=abc>"}};
  const std::string message = build_or_fail(mail);
  EXPECT_NE(message.find("MIME-Version: 1.0\r\n"
                         "X-Shop-Notification-Id: n-7\r\n"
                         "List-Unsubscribe: <https://shop.test/unsubscribe?t=abc>\r\n"
                         "Content-Type: text/plain"),
            std::string::npos)
      << message;
}

TEST(MimeMessageTest, RefusesLineBreaksInEveryHeaderValue) {
  OutgoingMail mail = shipped_mail();
  mail.subject = "Hello\r\nBcc: victim@example.test";
  EXPECT_EQ(refused_field(mail), "subject");

  mail = shipped_mail();
  mail.from.display_name = "Shop\nBcc: victim@example.test";
  EXPECT_EQ(refused_field(mail), "from.name");

  mail = shipped_mail();
  mail.to.display_name = "Anna\r";
  EXPECT_EQ(refused_field(mail), "to.name");

  mail = shipped_mail();
  mail.to.address = "anna@example.test\r\nBcc: victim@example.test";
  EXPECT_EQ(refused_field(mail), "to.address");

  mail = shipped_mail();
  mail.extra_headers = {{"X-Note", "a\nb"}};
  EXPECT_EQ(refused_field(mail), "headers.X-Note");

  mail = shipped_mail();
  mail.message_id = "id@shop.test\r\nBcc: victim@example.test";
  EXPECT_EQ(refused_field(mail), "message_id");
}

TEST(MimeMessageTest, RefusesMalformedAddresses) {
  const std::vector<std::string> addresses = {"",
                                              "anna",
                                              "@example.test",
                                              "anna@",
                                              "an@na@example.test",
                                              "anna @example.test",
                                              "<anna@example.test>",
                                              "anna@example.test, eve@example.test",
                                              "änna@example.test"};
  for (const std::string& address : addresses) {
    OutgoingMail mail = shipped_mail();
    mail.from.address = address;
    EXPECT_EQ(refused_field(mail), "from.address") << address;
  }
}

TEST(MimeMessageTest, RefusesExtraHeadersThatWouldContradictTheBuilder) {
  const std::vector<std::string> names = {"Subject",  "content-type", "MIME-Version",
                                          "Bad Name", "X:y",          ""};
  for (const std::string& name : names) {
    OutgoingMail mail = shipped_mail();
    mail.extra_headers = {{name, "value"}};
    EXPECT_EQ(refused_field(mail), "headers." + name) << name;
  }
  OutgoingMail mail = shipped_mail();
  mail.extra_headers = {{"X-Note", "Grüße"}};
  EXPECT_EQ(refused_field(mail), "headers.X-Note");
}

TEST(MimeMessageTest, RefusesAnInvalidBoundary) {
  OutgoingMail mail = shipped_mail();
  mail.html_body = "<p>x</p>";
  const std::vector<std::string> boundaries = {"has space", "quote\"", std::string(71, 'b')};
  for (const std::string& boundary : boundaries) {
    auto message = build_mime_message(mail, boundary);
    ASSERT_FALSE(message.has_value()) << boundary;
    EXPECT_EQ(message.error().fields.front().field, "boundary");
  }
}

}  // namespace
}  // namespace shop::notification::email
