#pragma once
// Web Push deliveries (RFC 8030): the payload encrypted for the subscription (RFC 8291,
// aes128gcm), POSTed to its push service endpoint with a VAPID authorization (RFC 8292).
// A 404 or 410 means the browser dropped the subscription: it is forgotten.

#include <boost/asio/thread_pool.hpp>

#include <memory>
#include <string>

#include "delivery/channel.hpp"
#include "delivery/http_delivery.hpp"
#include "push/vapid.hpp"
#include "repository/channel_targets.hpp"

namespace shop::notification::delivery {

// How long a push service keeps a message for an offline browser.
inline constexpr int kPushTtlSeconds = 86'400;

class PushChannel final : public Channel {
 public:
  PushChannel(std::shared_ptr<repository::ChannelTargets> targets,
              std::shared_ptr<boost::asio::thread_pool> blocking, push::VapidKey key,
              std::string contact, OutboundSettings settings)
      : targets_(std::move(targets)),
        blocking_(std::move(blocking)),
        key_(std::move(key)),
        contact_(std::move(contact)),
        settings_(settings) {}

  // Channel
  std::string_view name() const override { return "push"; }
  boost::asio::awaitable<AttemptResult> attempt(
      const repository::ClaimedDelivery& delivery) override;
  boost::asio::awaitable<void> settled(const repository::ClaimedDelivery& delivery,
                                       Verdict verdict) override;

 private:
  std::shared_ptr<repository::ChannelTargets> targets_;
  std::shared_ptr<boost::asio::thread_pool> blocking_;
  push::VapidKey key_;
  std::string contact_;  // the VAPID "sub": mailto: or https:
  OutboundSettings settings_;
};

}  // namespace shop::notification::delivery
