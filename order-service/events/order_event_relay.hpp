#pragma once
// Publishes the order logs as events: the log is the outbox. Every interval it takes
// the entries not yet published, oldest first, publishes each one's events
// (models/order_events.hpp) with broker confirms, and only then marks the entry
// published. A crash in between publishes the entry again, under the same event ids.
// While the broker is away entries wait in the log and go out once it is back. Each
// order it publishes for is projected again too, so an order whose writer died between
// appending and projecting still reaches the readers and the recovery worker.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "common/mq/publisher.hpp"
#include "repository/stores.hpp"

namespace shop::order::events {

boost::asio::awaitable<void> relay_order_events(std::shared_ptr<repository::OrderStore> orders,
                                                std::shared_ptr<common::mq::Publisher> publisher,
                                                std::chrono::milliseconds interval);

// One pass: publishes what is pending, up to a batch. The number of entries published;
// an error when the store or the broker failed (what was published stays published).
boost::asio::awaitable<common::Result<std::size_t>> publish_pending(
    repository::OrderStore& orders, common::mq::Publisher& publisher);

}  // namespace shop::order::events
