#pragma once
// Sends one channel's due deliveries until the process stops: claims a batch, attempts
// each, records every attempt, then marks the delivery sent, schedules its next attempt
// with exponential backoff and full jitter, or gives it up after the last attempt.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

#include "common/resilience/backoff.hpp"
#include "delivery/channel.hpp"
#include "repository/delivery_queue.hpp"

namespace shop::notification::delivery {

struct WorkerSettings {
  std::int64_t batch_size = 8;
  // Longer than any attempt can take: a delivery is not claimed again while in hand.
  std::chrono::seconds lease{120};
  std::chrono::milliseconds poll_interval{250};
  common::resilience::BackoffConfig retry{.base = std::chrono::milliseconds(5000),
                                          .cap = std::chrono::milliseconds(3'600'000),
                                          .max_attempts = 12};
};

boost::asio::awaitable<void> run_delivery_worker(std::shared_ptr<repository::DeliveryQueue> queue,
                                                 std::shared_ptr<Channel> channel,
                                                 WorkerSettings settings);

}  // namespace shop::notification::delivery
