// SmtpSenderImpl against a real relay: Mailpit (SHOP_TEST_SMTP_URL, and its API at
// SHOP_TEST_MAILPIT_URL; scripts/test.sh sets both). The mails are found again through
// Mailpit's API by a token unique to the run. The failure tests bring their own relay
// (a scripted one, a closed port, a silent listener) and always run.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "email/smtp_sender.hpp"
#include "mailpit_client.hpp"
#include "scripted_smtp_relay.hpp"
#include "support/unique_names.hpp"

namespace shop::notification::email {
namespace {

using namespace std::chrono_literals;
using testing::MailpitClient;
using testing::ScriptedSmtpRelay;

constexpr auto kDeliveryDeadline = 10s;

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

OutgoingMail order_mail(const std::string& subject) {
  OutgoingMail mail;
  mail.from = {"orders@shop.test", "Shop Bestellservice"};
  mail.to = {"anna@example.test", "Anna Müller"};
  mail.subject = subject;
  mail.text_body = "Hallo Anna,\nIhre Bestellung ist unterwegs. Grüße!\n";
  mail.html_body = "<p>Hallo Anna, Ihre Bestellung ist unterwegs. Grüße!</p>";
  return mail;
}

class SmtpSenderIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string smtp_url = env_or_empty("SHOP_TEST_SMTP_URL");
    const std::string mailpit_url = env_or_empty("SHOP_TEST_MAILPIT_URL");
    if (smtp_url.empty() || mailpit_url.empty()) {
      GTEST_SKIP() << "SHOP_TEST_SMTP_URL and SHOP_TEST_MAILPIT_URL are not set";
    }
    const auto url = boost::urls::parse_uri(smtp_url);
    ASSERT_TRUE(url.has_value() && url->scheme() == "smtp" && url->has_port())
        << "SHOP_TEST_SMTP_URL is not smtp://host:port: " << smtp_url;
    settings_.host = url->host_address();
    settings_.port = url->port_number();
    mailpit_.emplace(mailpit_url);
    token_ = "t" + shop::testing::unique_suffix();
  }

  std::string search_query() const { return "subject:\"" + token_ + "\""; }

  SmtpSettings settings_;
  std::optional<MailpitClient> mailpit_;
  std::string token_;
};

TEST_F(SmtpSenderIntegrationTest, DeliversAMailThatMailpitShowsUnchanged) {
  SmtpSenderImpl sender(settings_);
  const OutgoingMail mail = order_mail("Bestellung versandt ✓ " + token_);
  const auto sent = sender.send(mail);
  ASSERT_TRUE(sent.has_value()) << sent.error().detail;

  const std::vector<std::string> ids =
      mailpit_->await_matches(search_query(), 1, kDeliveryDeadline);
  ASSERT_EQ(ids.size(), 1U);
  const auto received = mailpit_->message(ids.front());
  ASSERT_TRUE(received.has_value());
  EXPECT_EQ(received->subject, mail.subject);
  EXPECT_EQ(received->from_address, mail.from.address);
  EXPECT_EQ(received->from_name, mail.from.display_name);
  EXPECT_EQ(received->to_addresses, std::vector<std::string>{mail.to.address});
  EXPECT_NE(received->text.find("Ihre Bestellung ist unterwegs. Grüße!"), std::string::npos)
      << received->text;
  EXPECT_NE(received->html.find(*mail.html_body), std::string::npos) << received->html;
}

TEST_F(SmtpSenderIntegrationTest, DeliversTenMailsSentFromTenThreadsAtOnce) {
  constexpr std::size_t kMails = 10;
  SmtpSenderImpl sender(settings_);
  std::vector<common::Result<void>> results(kMails);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < kMails; ++i) {
      threads.emplace_back([&, i] {
        results[i] = sender.send(order_mail("Mail " + std::to_string(i) + " " + token_));
      });
    }
  }
  for (const auto& result : results) {
    EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().detail);
  }

  const std::vector<std::string> ids =
      mailpit_->await_matches(search_query(), kMails, kDeliveryDeadline);
  ASSERT_EQ(ids.size(), kMails);
  std::vector<std::string> subjects;
  for (const std::string& id : ids) {
    const auto received = mailpit_->message(id);
    ASSERT_TRUE(received.has_value());
    subjects.push_back(received->subject);
  }
  for (std::size_t i = 0; i < kMails; ++i) {
    const std::string expected = "Mail " + std::to_string(i) + " " + token_;
    EXPECT_EQ(std::ranges::count(subjects, expected), 1) << expected;
  }
}

// Mailpit (as scripts/lib/mailpit.sh starts it) takes any credentials and offers no
// STARTTLS, so both settings must leave delivery working.
TEST_F(SmtpSenderIntegrationTest, DeliversWithCredentialsAndOptionalStarttls) {
  SmtpSettings settings = settings_;
  settings.username = "notification-service";
  settings.password = "secret";
  settings.starttls = true;
  SmtpSenderImpl sender(settings);
  const auto sent = sender.send(order_mail("Authenticated " + token_));
  ASSERT_TRUE(sent.has_value()) << sent.error().detail;
  EXPECT_EQ(mailpit_->await_matches(search_query(), 1, kDeliveryDeadline).size(), 1U);
}

TEST(SmtpSenderFailureTest, RejectedRecipientIsAPermanentError) {
  ScriptedSmtpRelay relay("550 5.1.1 no such user");
  SmtpSenderImpl sender({.host = "127.0.0.1", .port = relay.port()});
  const auto sent = sender.send(order_mail("never delivered"));
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, common::ErrorCode::kBadRequest) << sent.error().detail;
  EXPECT_FALSE(is_retryable(sent.error()));
  EXPECT_NE(sent.error().detail.find("550"), std::string::npos) << sent.error().detail;
}

TEST(SmtpSenderFailureTest, DeferredRecipientIsARetryableError) {
  ScriptedSmtpRelay relay("451 4.3.0 try again later");
  SmtpSenderImpl sender({.host = "127.0.0.1", .port = relay.port()});
  const auto sent = sender.send(order_mail("never delivered"));
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, common::ErrorCode::kUnavailable) << sent.error().detail;
  EXPECT_TRUE(is_retryable(sent.error()));
}

// A port that is bound but not listening refuses connections, and stays ours (so no
// other process can start listening there) for as long as the socket is open.
TEST(SmtpSenderFailureTest, ClosedPortIsARetryableError) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor bound(io);
  bound.open(boost::asio::ip::tcp::v4());
  bound.bind({boost::asio::ip::make_address("127.0.0.1"), 0});

  SmtpSenderImpl sender({.host = "127.0.0.1", .port = bound.local_endpoint().port()});
  const auto sent = sender.send(order_mail("never delivered"));
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, common::ErrorCode::kUnavailable) << sent.error().detail;
  EXPECT_TRUE(is_retryable(sent.error()));
}

// A listener that never greets: the connection opens (the kernel accepts it into the
// backlog) and then the total timeout ends the attempt.
TEST(SmtpSenderFailureTest, SilentRelayTimesOutRetryably) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});

  SmtpSenderImpl sender(
      {.host = "127.0.0.1", .port = silent.local_endpoint().port(), .total_timeout = 300ms});
  const auto started = std::chrono::steady_clock::now();
  const auto sent = sender.send(order_mail("never delivered"));
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, common::ErrorCode::kDeadlineExceeded) << sent.error().detail;
  EXPECT_TRUE(is_retryable(sent.error()));
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(SmtpSenderFailureTest, InvalidMailIsRefusedBeforeConnecting) {
  OutgoingMail mail = order_mail("Hi\r\nBcc: victim@example.test");
  SmtpSenderImpl sender({.host = "127.0.0.1", .port = 9});
  const auto sent = sender.send(mail);
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, common::ErrorCode::kValidation);
  EXPECT_FALSE(is_retryable(sent.error()));
}

}  // namespace
}  // namespace shop::notification::email
