#pragma once
// Reads what Mailpit received, through its REST API (GET /api/v1/search, /api/v1/message/ID),
// so integration tests can check what a relay actually got.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shop::notification::email::testing {

struct ReceivedMail {
  std::string id;
  std::string subject;
  std::string from_address;
  std::string from_name;
  std::vector<std::string> to_addresses;
  std::string text;
  std::string html;
};

class MailpitClient {
 public:
  explicit MailpitClient(std::string base_url);

  // The IDs of the messages matching Mailpit's search `query` (e.g. subject:"token");
  // nullopt when the API did not answer.
  std::optional<std::vector<std::string>> search(std::string_view query) const;

  std::optional<ReceivedMail> message(std::string_view id) const;

  // Polls search(query) until it finds `count` messages or the deadline passes; returns
  // what the last search found.
  std::vector<std::string> await_matches(std::string_view query, std::size_t count,
                                         std::chrono::milliseconds deadline) const;

 private:
  std::optional<std::string> get(const std::string& path_and_query) const;

  std::string base_url_;
};

}  // namespace shop::notification::email::testing
