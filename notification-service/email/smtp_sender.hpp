#pragma once
// Hands mails to an SMTP relay: the MailSender interface the service depends on, and its
// libcurl implementation. Locally the relay is Mailpit (scripts/lib/mailpit.sh), which
// keeps every mail for inspection; in production a real relay with credentials and
// STARTTLS.

#include <chrono>
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "email/outgoing_mail.hpp"
#include "email/smtp_failure.hpp"

namespace shop::notification::email {

class MailSender {
 public:
  virtual ~MailSender() = default;
  // Blocks until the relay has accepted the mail or the attempt failed. On failure,
  // is_retryable(error) tells a temporary problem from a permanent refusal.
  virtual common::Result<void> send(const OutgoingMail& mail) = 0;
};

struct SmtpSettings {
  std::string host = "127.0.0.1";  // a name, an IPv4 or an IPv6 address
  std::uint16_t port = 1025;       // the local stack's Mailpit
  std::string username{};          // empty: no SMTP AUTH
  std::string password{};
  bool starttls = false;  // upgrade to TLS when the relay offers STARTTLS
  std::chrono::milliseconds connect_timeout{5'000};
  std::chrono::milliseconds total_timeout{30'000};  // the whole transaction
};

// One connection per mail, so concurrent send() calls from several threads share
// nothing but the settings.
class SmtpSenderImpl final : public MailSender {
 public:
  explicit SmtpSenderImpl(SmtpSettings settings);

  common::Result<void> send(const OutgoingMail& mail) override;

 private:
  SmtpSettings settings_;
  std::string url_;
};

}  // namespace shop::notification::email
