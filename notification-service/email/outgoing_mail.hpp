#pragma once
// One notification mail as the service hands it over: who sends it to whom, and what it
// says. build_mime_message turns it into the text that travels over SMTP.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace shop::notification::email {

struct MailAddress {
  std::string address;       // local@domain, ASCII
  std::string display_name;  // UTF-8; empty for none
};

// A header of the caller's own (List-Unsubscribe, X-Shop-Notification-Id, ...): printable
// ASCII only, and none of the headers the builder writes itself.
struct MailHeader {
  std::string name;
  std::string value;
};

struct OutgoingMail {
  MailAddress from;
  MailAddress to;
  std::string subject;                   // UTF-8
  std::string text_body;                 // UTF-8
  std::optional<std::string> html_body;  // UTF-8; adds a text/html alternative
  std::string message_id;                // "id@domain", with or without <>; empty: a random one
  std::chrono::system_clock::time_point date = std::chrono::system_clock::now();
  std::vector<MailHeader> extra_headers;
};

}  // namespace shop::notification::email
