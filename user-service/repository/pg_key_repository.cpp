#include "common/auth/base64url.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::user::repository {
namespace {

namespace db = common::db;

// The partial unique index on active keys makes concurrent first starts agree on one key.
constexpr std::string_view kInsertIfNoneActive =
    "INSERT INTO signing_keys (kid, secret_key, active) VALUES ($1, $2, true) ON CONFLICT DO "
    "NOTHING";
constexpr std::string_view kSelectKeys =
    "SELECT kid, secret_key, active FROM signing_keys ORDER BY created_at";

}  // namespace

Task<std::vector<StoredKey>> PgKeyRepository::load_or_create(const StoredKey& candidate) {
  auto inserted = co_await pool_->query(
      kInsertIfNoneActive,
      db::make_params(candidate.kid, common::auth::base64url_encode(candidate.secret_key)));
  if (!inserted) co_return inserted.error();
  auto rows = co_await pool_->query(kSelectKeys);
  if (!rows) co_return rows.error();
  std::vector<StoredKey> keys;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto row = (*rows)[i];
    auto secret = common::auth::base64url_decode(row.text(1));
    if (!secret) co_return common::Error::internal("a stored signing key is corrupt");
    keys.push_back({std::string(row.text(0)), std::move(*secret), row.boolean(2)});
  }
  co_return keys;
}

}  // namespace shop::user::repository
