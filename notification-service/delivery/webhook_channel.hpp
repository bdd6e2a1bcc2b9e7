#pragma once
// Webhook deliveries: the event's CloudEvents JSON, signed with the subscription's secret
// (Standard Webhooks), POSTed to its URL after the SSRF guard vetted every address the
// host resolves to. The delivery id is the webhook-id, the same on every retry, so a
// receiver can drop repeats.

#include <boost/asio/thread_pool.hpp>

#include <memory>

#include "delivery/channel.hpp"
#include "delivery/http_delivery.hpp"
#include "repository/channel_targets.hpp"

namespace shop::notification::delivery {

class WebhookChannel final : public Channel {
 public:
  WebhookChannel(std::shared_ptr<repository::ChannelTargets> targets,
                 std::shared_ptr<boost::asio::thread_pool> blocking, OutboundSettings settings)
      : targets_(std::move(targets)), blocking_(std::move(blocking)), settings_(settings) {}

  // Channel
  std::string_view name() const override { return "webhook"; }
  boost::asio::awaitable<AttemptResult> attempt(
      const repository::ClaimedDelivery& delivery) override;
  boost::asio::awaitable<void> settled(const repository::ClaimedDelivery& delivery,
                                       Verdict verdict) override;

 private:
  std::shared_ptr<repository::ChannelTargets> targets_;
  std::shared_ptr<boost::asio::thread_pool> blocking_;
  OutboundSettings settings_;
};

}  // namespace shop::notification::delivery
