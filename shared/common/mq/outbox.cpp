#include "common/mq/outbox.hpp"

#include "common/db/params.hpp"

namespace shop::common::mq {
namespace {

// One round trip: the sequence comes from the upsert, and jsonb_set writes it into the
// stored envelope. The insert trigger (900_mq_outbox.sql) notifies the relay at commit.
constexpr std::string_view kEnqueue = R"sql(
WITH next AS (
  INSERT INTO mq_outbox_sequence AS s (aggregate_type, aggregate_id, last_sequence)
  VALUES ($1, $2, 1)
  ON CONFLICT (aggregate_type, aggregate_id) DO UPDATE SET last_sequence = s.last_sequence + 1
  RETURNING last_sequence)
INSERT INTO mq_outbox
  (event_id, aggregate_type, aggregate_id, sequence, event_type, payload, traceparent)
SELECT $3::uuid, $1, $2, next.last_sequence, $4,
       jsonb_set($5::jsonb, '{sequence}', to_jsonb(next.last_sequence)), $6
FROM next
RETURNING sequence)sql";

}  // namespace

boost::asio::awaitable<Result<CloudEvent>> Outbox::enqueue(db::Connection& transaction,
                                                           NewEvent event) const {
  if (event.aggregate_type.empty() || event.aggregate_id.empty()) {
    co_return Error::internal("outbox: an event needs an aggregate type and id");
  }
  if (!is_valid_event_type(event.type)) {
    co_return Error::internal("outbox: invalid event type \"" + event.type + "\"");
  }
  CloudEvent envelope;
  envelope.id = obs::new_request_id();
  envelope.source = source_;
  envelope.type = std::move(event.type);
  envelope.subject = event.aggregate_id;
  // Milliseconds, as the envelope carries them: what consumers read equals what we return.
  envelope.time =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  envelope.sequence = 1;  // replaced by the stored number
  if (event.trace) envelope.traceparent = obs::to_traceparent(*event.trace);
  envelope.data = std::move(event.data);

  auto stored = co_await transaction.query(
      kEnqueue, db::make_params(event.aggregate_type, event.aggregate_id, envelope.id,
                                envelope.type, serialize(envelope), envelope.traceparent));
  if (!stored) co_return stored.error();
  if (stored->size() != 1) co_return Error::internal("outbox: the insert returned no row");
  envelope.sequence = (*stored)[0].int64(0);
  co_return envelope;
}

}  // namespace shop::common::mq
