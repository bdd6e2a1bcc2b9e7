// Assembles the MIME text of a mail; see mime_message.hpp.
#include "email/mime_message.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/auth/random.hpp"
#include "common/text.hpp"
#include "email/header_checks.hpp"
#include "email/header_field.hpp"
#include "email/quoted_printable.hpp"
#include "email/rfc5322_date.hpp"

namespace shop::notification::email {
namespace {

constexpr std::size_t kMaxBoundaryLength = 70;
constexpr std::string_view kBoundaryPunctuation = "'()+_,-./:=?";
// The headers the builder writes itself; a second copy from the caller would contradict them.
constexpr std::array<std::string_view, 8> kReservedHeaders = {
    "date",       "from",         "to",           "subject",
    "message-id", "mime-version", "content-type", "content-transfer-encoding"};
constexpr std::size_t kMaxExtraHeaderLength = 900;  // RFC 5322 allows 998 per line

common::Error field_error(std::string field, std::string message) {
  return common::Error::validation({{std::move(field), std::move(message)}});
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

common::Result<void> check_mailbox(const MailAddress& mailbox, const std::string& field) {
  if (auto address = check_mail_address(mailbox.address, field + ".address"); !address) {
    return address;
  }
  return refuse_line_breaks(mailbox.display_name, field + ".name");
}

common::Result<void> check_extra_header(const MailHeader& header) {
  const std::string field = "headers." + header.name;
  const bool name_ok = !header.name.empty() && is_printable_ascii(header.name) &&
                       header.name.find_first_of(": ") == std::string::npos;
  if (!name_ok) return field_error(field, "name must be printable ASCII without ':' or spaces");
  if (std::ranges::any_of(kReservedHeaders, [&](std::string_view reserved) {
        return equals_ignoring_case(header.name, reserved);
      })) {
    return field_error(field, "is written by the mail builder itself");
  }
  if (auto no_breaks = refuse_line_breaks(header.value, field); !no_breaks) return no_breaks;
  if (!is_printable_ascii(header.value) || header.value.size() > kMaxExtraHeaderLength) {
    return field_error(field, "value must be printable ASCII of at most 900 characters");
  }
  return {};
}

common::Result<void> check_boundary(std::string_view boundary) {
  const bool valid = !boundary.empty() && boundary.size() <= kMaxBoundaryLength &&
                     std::ranges::all_of(boundary, [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
                              kBoundaryPunctuation.find(c) != std::string_view::npos;
                     });
  if (!valid) {
    return field_error("boundary", "must be 1 to 70 characters of [A-Za-z0-9'()+_,-./:=?]");
  }
  return {};
}

// The id between the angle brackets: the caller's, or a random one at the sender's domain.
common::Result<std::string> message_id_of(const OutgoingMail& mail) {
  std::string_view id = mail.message_id;
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  if (id.empty()) {
    const std::string_view domain =
        std::string_view(mail.from.address).substr(mail.from.address.find('@') + 1);
    return common::auth::random_hex(16) + "@" + std::string(domain);
  }
  if (auto checked = check_mail_address(id, "message_id"); !checked) return checked.error();
  return std::string(id);
}

// "=_" cannot occur in quoted-printable text (a '=' there is followed by hex digits or a
// line break), so the boundary never collides with a body line.
std::string random_boundary() { return "=_shop_" + common::auth::random_hex(16); }

std::string body_part_headers(std::string_view media_type) {
  return "Content-Type: " + std::string(media_type) +
         "; charset=utf-8\r\n"
         "Content-Transfer-Encoding: quoted-printable\r\n";
}

std::string multipart_body(const OutgoingMail& mail, std::string_view boundary) {
  const std::string delimiter = "--" + std::string(boundary) + "\r\n";
  std::string body;
  body += delimiter;
  body += body_part_headers("text/plain") + "\r\n";
  body += encode_quoted_printable(mail.text_body);
  body += delimiter;
  body += body_part_headers("text/html") + "\r\n";
  body += encode_quoted_printable(*mail.html_body);
  body += "--" + std::string(boundary) + "--\r\n";
  return body;
}

}  // namespace

common::Result<std::string> build_mime_message(const OutgoingMail& mail,
                                               std::string_view boundary) {
  if (auto from = check_mailbox(mail.from, "from"); !from) return from.error();
  if (auto to = check_mailbox(mail.to, "to"); !to) return to.error();
  if (auto subject = refuse_line_breaks(mail.subject, "subject"); !subject) return subject.error();
  for (const MailHeader& header : mail.extra_headers) {
    if (auto checked = check_extra_header(header); !checked) return checked.error();
  }
  if (!boundary.empty()) {
    if (auto checked = check_boundary(boundary); !checked) return checked.error();
  }
  auto message_id = message_id_of(mail);
  if (!message_id) return message_id.error();

  std::string message;
  message += "Date: " + rfc5322_date(mail.date) + "\r\n";
  message += fold_header("From", mailbox_words(mail.from));
  message += fold_header("To", mailbox_words(mail.to));
  message += fold_header("Subject", unstructured_words(mail.subject));
  message += "Message-ID: <" + *message_id + ">\r\n";
  message += "MIME-Version: 1.0\r\n";
  for (const MailHeader& header : mail.extra_headers) {
    message += fold_header(header.name, common::split(header.value, ' '));
  }
  if (!mail.html_body) {
    message += body_part_headers("text/plain") + "\r\n";
    message += encode_quoted_printable(mail.text_body);
    return message;
  }
  const std::string chosen_boundary = boundary.empty() ? random_boundary() : std::string(boundary);
  message += fold_header("Content-Type",
                         {"multipart/alternative;", "boundary=\"" + chosen_boundary + "\""});
  message += "\r\n";
  message += multipart_body(mail, chosen_boundary);
  return message;
}

}  // namespace shop::notification::email
