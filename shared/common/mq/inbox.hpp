#pragma once
// Exactly-once effects on top of at-least-once delivery: the handler's writes and a row
// in mq_inbox(consumer, event_id) commit in one PostgreSQL transaction. An event whose
// row exists already was processed: it is acknowledged without calling the handler. A
// handler that asks for a retry or rejects the event rolls back its writes and the row,
// so the retry runs on a clean slate.
//
//   auto handler = with_inbox(pool, "notification-service.orders",
//       [](const ReceivedEvent& received, db::Connection& tx) -> awaitable<Outcome> {...});
//   auto consumer = Consumer::create(executor, config, std::move(handler));

#include <boost/asio/awaitable.hpp>
#include <functional>
#include <memory>
#include <string>

#include "common/db/connection.hpp"
#include "common/db/pool.hpp"
#include "common/mq/consumer.hpp"

namespace shop::common::mq {

using TransactionalHandler =
    std::function<boost::asio::awaitable<Outcome>(const ReceivedEvent&, db::Connection&)>;

// `consumer` names the inbox's owner: one consumer's rows never hide an event from
// another. The database needs the migrations in SHOP_MQ_MIGRATIONS_DIR.
EventHandler with_inbox(std::shared_ptr<db::Pool> pool, std::string consumer,
                        TransactionalHandler handler, MqMetrics* metrics = nullptr);

}  // namespace shop::common::mq
