#include "repository/delivery_queue.hpp"

namespace shop::notification::repository {
namespace {

namespace db = common::db;

constexpr std::string_view kClaimDue =
    "UPDATE deliveries d SET attempts = d.attempts + 1, "
    "next_attempt_at = now() + make_interval(secs => $3) "
    "FROM (SELECT id FROM deliveries WHERE status = 'pending' AND channel = $1 "
    "AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $2 "
    "FOR UPDATE SKIP LOCKED) due WHERE d.id = due.id "
    "RETURNING d.id::text, COALESCE(d.user_id::text, ''), d.channel, d.target, "
    "d.event_id::text, d.event_type, d.subject, d.body, d.html, d.attempts, "
    "extract(epoch FROM d.created_at)::bigint";
constexpr std::string_view kRecordAttempt =
    "INSERT INTO delivery_attempts (delivery_id, attempt, status_code, error, duration_ms) "
    "VALUES ($1::uuid, $2, $3, $4, $5) ON CONFLICT (delivery_id, attempt) DO NOTHING";
constexpr std::string_view kMarkSent =
    "UPDATE deliveries SET status = 'sent', sent_at = now(), last_error = '' "
    "WHERE id = $1::uuid AND status = 'pending'";
constexpr std::string_view kRetryIn =
    "UPDATE deliveries SET next_attempt_at = now() + make_interval(secs => $2), "
    "last_error = $3 WHERE id = $1::uuid AND status = 'pending'";
constexpr std::string_view kMarkFailed =
    "UPDATE deliveries SET status = 'failed', last_error = $2 "
    "WHERE id = $1::uuid AND status = 'pending'";

double seconds(std::chrono::milliseconds duration) {
  return static_cast<double>(duration.count()) / 1000.0;
}

}  // namespace

Task<std::vector<ClaimedDelivery>> DeliveryQueue::claim_due(const std::string& channel,
                                                            std::int64_t limit,
                                                            std::chrono::seconds lease) {
  auto claimed = co_await pool_->query(
      kClaimDue, db::make_params(channel, limit, static_cast<std::int64_t>(lease.count())));
  if (!claimed) co_return claimed.error();
  std::vector<ClaimedDelivery> deliveries;
  for (const auto& row : *claimed) {
    deliveries.push_back({std::string(row.text(0)), std::string(row.text(1)),
                          std::string(row.text(2)), std::string(row.text(3)),
                          std::string(row.text(4)), std::string(row.text(5)),
                          std::string(row.text(6)), std::string(row.text(7)),
                          std::string(row.text(8)), static_cast<int>(row.int64(9)), row.int64(10)});
  }
  co_return deliveries;
}

Task<void> DeliveryQueue::record_attempt(const ClaimedDelivery& delivery,
                                         const AttemptOutcome& attempt) {
  co_return co_await pool_->execute(
      kRecordAttempt,
      db::make_params(delivery.id, delivery.attempt, attempt.status_code, attempt.error,
                      static_cast<std::int64_t>(attempt.duration.count())));
}

Task<void> DeliveryQueue::mark_sent(const std::string& delivery_id) {
  co_return co_await pool_->execute(kMarkSent, db::make_params(delivery_id));
}

Task<void> DeliveryQueue::retry_in(const std::string& delivery_id, std::chrono::milliseconds delay,
                                   const std::string& error) {
  co_return co_await pool_->execute(kRetryIn, db::make_params(delivery_id, seconds(delay), error));
}

Task<void> DeliveryQueue::mark_failed(const std::string& delivery_id, const std::string& error) {
  co_return co_await pool_->execute(kMarkFailed, db::make_params(delivery_id, error));
}

}  // namespace shop::notification::repository
