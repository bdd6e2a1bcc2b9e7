// Mailpit REST API client for tests; see mailpit_client.hpp.
#include "mailpit_client.hpp"

#include <boost/json.hpp>
#include <memory>
#include <thread>

#include "email/curl_handles.hpp"

namespace shop::notification::email::testing {
namespace {

namespace json = boost::json;

constexpr auto kPollInterval = std::chrono::milliseconds(50);

struct CurlFreeDeleter {
  void operator()(char* text) const { curl_free(text); }
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string string_at(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string{};
}

std::optional<json::value> parse(const std::optional<std::string>& body) {
  if (!body) return std::nullopt;
  boost::system::error_code error;
  json::value value = json::parse(*body, error);
  if (error) return std::nullopt;
  return value;
}

}  // namespace

MailpitClient::MailpitClient(std::string base_url) : base_url_(std::move(base_url)) {}

std::optional<std::string> MailpitClient::get(const std::string& path_and_query) const {
  const CurlEasy easy = make_curl_easy();
  if (!easy) return std::nullopt;
  const std::string url = base_url_ + path_and_query;
  std::string body;
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT_MS, 5000L);
  curl_easy_setopt(easy.get(), CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &body);
  if (curl_easy_perform(easy.get()) != CURLE_OK) return std::nullopt;
  return body;
}

std::optional<std::vector<std::string>> MailpitClient::search(std::string_view query) const {
  const std::unique_ptr<char, CurlFreeDeleter> escaped(
      curl_easy_escape(nullptr, query.data(), static_cast<int>(query.size())));
  if (!escaped) return std::nullopt;
  const auto answer = parse(get("/api/v1/search?query=" + std::string(escaped.get())));
  if (!answer || !answer->is_object()) return std::nullopt;
  const json::value* messages = answer->as_object().if_contains("messages");
  if (messages == nullptr || !messages->is_array()) return std::nullopt;
  std::vector<std::string> ids;
  for (const json::value& message : messages->as_array()) {
    if (message.is_object()) ids.push_back(string_at(message.as_object(), "ID"));
  }
  return ids;
}

std::optional<ReceivedMail> MailpitClient::message(std::string_view id) const {
  const auto answer = parse(get("/api/v1/message/" + std::string(id)));
  if (!answer || !answer->is_object()) return std::nullopt;
  const json::object& object = answer->as_object();
  ReceivedMail mail;
  mail.id = string_at(object, "ID");
  mail.subject = string_at(object, "Subject");
  mail.text = string_at(object, "Text");
  mail.html = string_at(object, "HTML");
  if (const json::value* from = object.if_contains("From"); from != nullptr && from->is_object()) {
    mail.from_address = string_at(from->as_object(), "Address");
    mail.from_name = string_at(from->as_object(), "Name");
  }
  if (const json::value* to = object.if_contains("To"); to != nullptr && to->is_array()) {
    for (const json::value& recipient : to->as_array()) {
      if (recipient.is_object())
        mail.to_addresses.push_back(string_at(recipient.as_object(), "Address"));
    }
  }
  return mail;
}

std::vector<std::string> MailpitClient::await_matches(std::string_view query, std::size_t count,
                                                      std::chrono::milliseconds deadline) const {
  const auto give_up = std::chrono::steady_clock::now() + deadline;
  std::vector<std::string> found;
  while (true) {
    found = search(query).value_or(std::vector<std::string>{});
    if (found.size() >= count || std::chrono::steady_clock::now() >= give_up) return found;
    std::this_thread::sleep_for(kPollInterval);  // poll interval; the search result decides
  }
}

}  // namespace shop::notification::email::testing
