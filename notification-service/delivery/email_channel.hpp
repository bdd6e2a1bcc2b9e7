#pragma once
// Email deliveries: the planned mail handed to the SMTP relay. A relay that is down or
// answers 4xx is tried again; a 5xx refusal of the recipient gives up.

#include <boost/asio/thread_pool.hpp>

#include <memory>

#include "delivery/channel.hpp"
#include "email/outgoing_mail.hpp"
#include "email/smtp_sender.hpp"

namespace shop::notification::delivery {

class EmailChannel final : public Channel {
 public:
  EmailChannel(std::shared_ptr<email::MailSender> sender,
               std::shared_ptr<boost::asio::thread_pool> blocking, email::MailAddress from)
      : sender_(std::move(sender)), blocking_(std::move(blocking)), from_(std::move(from)) {}

  // Channel
  std::string_view name() const override { return "email"; }
  boost::asio::awaitable<AttemptResult> attempt(
      const repository::ClaimedDelivery& delivery) override;
  boost::asio::awaitable<void> settled(const repository::ClaimedDelivery&, Verdict) override {
    co_return;
  }

 private:
  std::shared_ptr<email::MailSender> sender_;
  std::shared_ptr<boost::asio::thread_pool> blocking_;
  email::MailAddress from_;
};

}  // namespace shop::notification::delivery
