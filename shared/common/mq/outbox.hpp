#pragma once
// The transactional outbox: a service records the events a change implies in the same
// PostgreSQL transaction as the change, so both commit or neither does; OutboxRelay
// publishes them afterwards.
//
//   co_await pool->transaction([&](db::Connection& tx) -> awaitable<Result<void>> {
//     ... the service's own writes on tx ...
//     auto event = co_await outbox.enqueue(tx, {.aggregate_type = "product", ...});
//     if (!event) co_return event.error();
//     co_return Result<void>{};
//   });
//
// The aggregate's sequence number is taken inside the transaction from
// mq_outbox_sequence, whose row stays locked until commit: writers of one aggregate
// queue behind each other, numbers have no gaps, and a rollback returns its number.

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "common/db/connection.hpp"
#include "common/errors.hpp"
#include "common/mq/cloud_event.hpp"
#include "common/observability/trace_context.hpp"

namespace shop::common::mq {

struct NewEvent {
  std::string aggregate_type{};  // e.g. "product"; sequences count per type and id
  std::string aggregate_id{};    // becomes the event's subject
  std::string type{};            // e.g. "product.created"
  boost::json::object data{};
  // The writer's span: consumers continue its trace.
  std::optional<obs::TraceContext> trace{};
};

class Outbox {
 public:
  // `source` names the producer in every event, e.g. "/product-service".
  explicit Outbox(std::string source) : source_(std::move(source)) {}

  // Call on a connection inside the caller's transaction (the database needs the
  // migrations in SHOP_MQ_MIGRATIONS_DIR). Returns the event as it will be published.
  boost::asio::awaitable<Result<CloudEvent>> enqueue(db::Connection& transaction,
                                                     NewEvent event) const;

  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

}  // namespace shop::common::mq
