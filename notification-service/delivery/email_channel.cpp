#include "delivery/email_channel.hpp"

#include "common/runtime/blocking.hpp"

namespace shop::notification::delivery {

boost::asio::awaitable<AttemptResult> EmailChannel::attempt(
    const repository::ClaimedDelivery& delivery) {
  email::OutgoingMail mail{
      .from = from_,
      .to = {delivery.target, ""},
      .subject = delivery.subject,
      .text_body = delivery.body,
      .html_body = delivery.html.empty() ? std::nullopt : std::optional<std::string>(delivery.html),
      // Stable across attempts: a mail that went out twice (the worker died before
      // recording it) is recognisably one message.
      .message_id = delivery.id + "@notifications.shop",
      .extra_headers = {{"X-Shop-Event-Id", delivery.event_id}}};
  const auto started = std::chrono::steady_clock::now();
  // Named, not a temporary in the co_await: GCC 12 destroys such temporaries twice.
  auto send = [sender = sender_, mail = std::move(mail)] { return sender->send(mail); };
  auto sent = co_await common::runtime::run_blocking(*blocking_, std::move(send));
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  if (sent) co_return AttemptResult{.verdict = Verdict::kDelivered, .duration = elapsed};
  auto failed =
      email::is_retryable(sent.error()) ? retry(sent.error().detail) : give_up(sent.error().detail);
  failed.duration = elapsed;
  co_return failed;
}

}  // namespace shop::notification::delivery
