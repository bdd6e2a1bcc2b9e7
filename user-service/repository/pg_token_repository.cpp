#include "repository/pg_repositories.hpp"

namespace shop::user::repository {
namespace {

namespace db = common::db;

constexpr std::string_view kInsertToken =
    "INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) "
    "VALUES ($1, $2::uuid, $3::uuid, now() + make_interval(secs => $4::bigint))";
// One statement decides the race: of two concurrent uses of a token, one updates it.
constexpr std::string_view kMarkUsed =
    "UPDATE refresh_tokens SET used_at = now() "
    "WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() "
    "RETURNING user_id::text, family_id::text";
constexpr std::string_view kInsertSuccessor =
    "INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at) "
    "VALUES ($1, $2::uuid, $3::uuid, now() + make_interval(secs => $4::bigint))";
constexpr std::string_view kFindUsed =
    "SELECT family_id::text FROM refresh_tokens WHERE token_hash = $1 AND used_at IS NOT NULL";
constexpr std::string_view kRevokeFamily =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1::uuid AND revoked_at IS "
    "NULL";
constexpr std::string_view kRevokeFamilyOf =
    "UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id = "
    "(SELECT family_id FROM refresh_tokens WHERE token_hash = $1)";

common::Result<void> done(const common::Result<db::QueryResult>& result) {
  if (!result) return result.error();
  return {};
}

}  // namespace

Task<void> PgTokenRepository::store(const RefreshToken& token) {
  co_return done(co_await pool_->query(
      kInsertToken,
      db::make_params(token.token_hash, token.user_id, token.family_id, token.ttl_seconds)));
}

Task<Rotation> PgTokenRepository::rotate(const std::string& presented_hash,
                                         const std::string& successor_hash,
                                         std::int64_t successor_ttl_seconds) {
  // A named body: GCC 12 can destroy a lambda temporary inside co_await twice.
  auto body = [presented_hash, successor_hash,
               successor_ttl_seconds](db::Connection& connection) -> Task<Rotation> {
    auto used = co_await connection.query(kMarkUsed, db::make_params(presented_hash));
    if (!used) co_return used.error();
    if (!used->empty()) {
      const auto row = (*used)[0];
      Rotation rotation{Rotation::Outcome::kRotated, std::string(row.text(0))};
      auto stored = co_await connection.query(
          kInsertSuccessor,
          db::make_params(successor_hash, row.text(0), row.text(1), successor_ttl_seconds));
      if (!stored) co_return stored.error();
      co_return rotation;
    }
    auto reused = co_await connection.query(kFindUsed, db::make_params(presented_hash));
    if (!reused) co_return reused.error();
    if (reused->empty()) co_return Rotation{};
    auto revoked = co_await connection.query(kRevokeFamily, db::make_params((*reused)[0].text(0)));
    if (!revoked) co_return revoked.error();
    co_return Rotation{Rotation::Outcome::kReused, {}};
  };
  co_return co_await pool_->transaction(body);
}

Task<void> PgTokenRepository::revoke_family_of(const std::string& token_hash) {
  co_return done(co_await pool_->query(kRevokeFamilyOf, db::make_params(token_hash)));
}

}  // namespace shop::user::repository
