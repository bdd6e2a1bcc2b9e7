#include "common/auth/random.hpp"
#include "repository/key_answers.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::payment::repository {
namespace {

namespace db = common::db;

// Inserts the record, or takes over one that counts as absent: older than 24 hours, or
// left by a holder whose lease ran out before it answered (it changed nothing) and that
// had the same fingerprint. Of concurrent claims, one inserts; the others find its row.
constexpr std::string_view kClaim =
    "INSERT INTO idempotency_keys AS k "
    "(account, idempotency_key, fingerprint, holder, in_flight_until) "
    "VALUES ($1, $2, $3, $4, now() + $5::bigint * interval '1 millisecond') "
    "ON CONFLICT (account, idempotency_key) DO UPDATE SET "
    "fingerprint = EXCLUDED.fingerprint, holder = EXCLUDED.holder, "
    "in_flight_until = EXCLUDED.in_flight_until, response_status = NULL, "
    "response_body = NULL, created_at = now() "
    "WHERE k.created_at < now() - interval '24 hours' "
    "OR (k.response_status IS NULL AND k.in_flight_until < now() "
    "AND k.fingerprint = EXCLUDED.fingerprint) "
    "RETURNING holder";
constexpr std::string_view kFindRecord =
    "SELECT fingerprint, response_status, response_body, "
    "COALESCE(in_flight_until > now(), false) "
    "FROM idempotency_keys WHERE account = $1 AND idempotency_key = $2";
constexpr std::string_view kFinish =
    "UPDATE idempotency_keys SET in_flight_until = NULL "
    "WHERE account = $1 AND idempotency_key = $2 AND holder = $3";
constexpr std::string_view kRelease =
    "DELETE FROM idempotency_keys "
    "WHERE account = $1 AND idempotency_key = $2 AND holder = $3 AND response_status IS NULL";
constexpr std::string_view kPurge =
    "DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'";

// A record can vanish between the claim and the look-up (its holder failed and let the
// key go); the claim is then tried again, a few times at most.
constexpr int kClaimAttempts = 3;
constexpr std::size_t kHolderBytes = 16;

ClaimResult repeat_of(const db::Row& row, std::string_view fingerprint) {
  const auto status = row.optional_int64(1);
  const models::KeyRecord earlier{std::string(row.text(0)), status.has_value(), row.boolean(3)};
  ClaimResult result{.kind = ClaimResult::Kind::kRepeat,
                     .verdict = models::judge_repeat(earlier, fingerprint)};
  if (result.verdict == models::RepeatVerdict::kReplay)
    result.response = {static_cast<int>(*status), std::string(row.text(2))};
  return result;
}

common::Result<void> done(const common::Result<db::QueryResult>& result) {
  if (!result) return result.error();
  return {};
}

}  // namespace

Task<ClaimResult> PgIdempotencyRepository::claim(const KeyRequest& request) {
  for (int attempt = 0; attempt < kClaimAttempts; ++attempt) {
    auto holder = common::auth::random_hex(kHolderBytes);
    auto claimed = co_await pool_->query(
        kClaim, db::make_params(request.account, request.key, request.fingerprint, holder,
                                static_cast<std::int64_t>(request.lease.count())));
    if (!claimed) co_return claimed.error();
    if (!claimed->empty()) {
      co_return ClaimResult{.kind = ClaimResult::Kind::kClaimed,
                            .claim = {request.account, request.key, std::move(holder)}};
    }
    auto found = co_await pool_->query(kFindRecord, db::make_params(request.account, request.key));
    if (!found) co_return found.error();
    if (!found->empty()) co_return repeat_of((*found)[0], request.fingerprint);
  }
  co_return ClaimResult{.kind = ClaimResult::Kind::kRepeat,
                        .verdict = models::RepeatVerdict::kInFlight};
}

Task<void> PgIdempotencyRepository::record(const KeyClaim& claim, const StoredResponse& response) {
  auto connection = co_await pool_->acquire();
  if (!connection) co_return connection.error();
  co_return co_await record_answer(*connection, claim, response);
}

Task<void> PgIdempotencyRepository::finish(const KeyClaim& claim) {
  co_return done(
      co_await pool_->query(kFinish, db::make_params(claim.account, claim.key, claim.holder)));
}

Task<void> PgIdempotencyRepository::release(const KeyClaim& claim) {
  co_return done(
      co_await pool_->query(kRelease, db::make_params(claim.account, claim.key, claim.holder)));
}

Task<std::int64_t> PgIdempotencyRepository::purge_expired() {
  auto purged = co_await pool_->query(kPurge);
  if (!purged) co_return purged.error();
  co_return purged->affected_rows();
}

}  // namespace shop::payment::repository
