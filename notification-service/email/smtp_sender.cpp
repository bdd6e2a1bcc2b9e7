// The libcurl SMTP client; see smtp_sender.hpp.
#include "email/smtp_sender.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

#include "email/curl_handles.hpp"
#include "email/mime_message.hpp"

namespace shop::notification::email {
namespace {

// What the read callback has not yet handed to libcurl.
struct UploadCursor {
  std::string_view remaining;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* cursor = static_cast<UploadCursor*>(user);
  const std::size_t length = std::min(size * count, cursor->remaining.size());
  std::memcpy(buffer, cursor->remaining.data(), length);
  cursor->remaining.remove_prefix(length);
  return length;
}

std::string smtp_url(const SmtpSettings& settings) {
  const bool is_ipv6 = settings.host.find(':') != std::string::npos;
  const std::string host = is_ipv6 ? "[" + settings.host + "]" : settings.host;
  return "smtp://" + host + ":" + std::to_string(settings.port);
}

bool is_connection_failure(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SSL_CONNECT_ERROR:
      return true;
    default:
      return false;
  }
}

// Applies options in order and keeps the first failure, so one check covers them all.
class OptionSetter {
 public:
  explicit OptionSetter(CURL* easy) : easy_(easy) {}

  template <class Value>
  OptionSetter& set(CURLoption option, Value value) {
    if (result_ == CURLE_OK) result_ = curl_easy_setopt(easy_, option, value);
    return *this;
  }

  CURLcode result() const { return result_; }

 private:
  CURL* easy_;
  CURLcode result_ = CURLE_OK;
};

}  // namespace

SmtpSenderImpl::SmtpSenderImpl(SmtpSettings settings)
    : settings_(std::move(settings)), url_(smtp_url(settings_)) {}

common::Result<void> SmtpSenderImpl::send(const OutgoingMail& mail) {
  auto message = build_mime_message(mail);
  if (!message) return message.error();

  CurlEasy easy = make_curl_easy();
  if (!easy) return common::Error::internal("libcurl could not create a handle");
  const std::string envelope_from = "<" + mail.from.address + ">";
  CurlStringList recipients(curl_slist_append(nullptr, ("<" + mail.to.address + ">").c_str()));
  if (!recipients) return common::Error::internal("libcurl could not allocate the recipient list");

  UploadCursor cursor{*message};
  std::array<char, CURL_ERROR_SIZE> error_buffer{};
  OptionSetter options(easy.get());
  options.set(CURLOPT_URL, url_.c_str())
      .set(CURLOPT_PROTOCOLS_STR, "smtp")
      .set(CURLOPT_NOSIGNAL, 1L)  // no SIGALRM for timeouts: other threads run too
      .set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings_.connect_timeout.count()))
      .set(CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.total_timeout.count()))
      .set(CURLOPT_ERRORBUFFER, error_buffer.data())
      .set(CURLOPT_MAIL_FROM, envelope_from.c_str())
      .set(CURLOPT_MAIL_RCPT, recipients.get())
      .set(CURLOPT_UPLOAD, 1L)
      .set(CURLOPT_READFUNCTION, &read_upload)
      .set(CURLOPT_READDATA, &cursor)
      .set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message->size()));
  if (!settings_.username.empty()) {
    options.set(CURLOPT_USERNAME, settings_.username.c_str())
        .set(CURLOPT_PASSWORD, settings_.password.c_str());
  }
  if (settings_.starttls) options.set(CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (options.result() != CURLE_OK) {
    return common::Error::internal(std::string("libcurl rejected an SMTP option: ") +
                                   curl_easy_strerror(options.result()));
  }

  const CURLcode code = curl_easy_perform(easy.get());
  if (code == CURLE_OK) return {};

  long reply_code = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &reply_code);
  const std::string_view reason =
      error_buffer[0] != '\0' ? std::string_view(error_buffer.data()) : curl_easy_strerror(code);
  return smtp_failure_error({.reply_code = reply_code,
                             .timed_out = code == CURLE_OPERATION_TIMEDOUT,
                             .connection_failed = is_connection_failure(code),
                             .detail = url_ + ": " + std::string(reason)});
}

}  // namespace shop::notification::email
