#include "repository/vapid_keys.hpp"

namespace shop::notification::repository {
namespace {

constexpr std::string_view kStoreKey =
    "INSERT INTO vapid_keys (private_key) VALUES ($1) ON CONFLICT (singleton) DO NOTHING";
constexpr std::string_view kLoadKey = "SELECT private_key FROM vapid_keys";

}  // namespace

boost::asio::awaitable<common::Result<std::string>> load_or_store_vapid_key(
    common::db::Pool& pool, const std::string& candidate) {
  auto stored = co_await pool.query(kStoreKey, common::db::make_params(candidate));
  if (!stored) co_return stored.error();
  auto loaded = co_await pool.query(kLoadKey);
  if (!loaded) co_return loaded.error();
  if (loaded->empty()) co_return common::Error::internal("no VAPID key stored");
  co_return std::string((*loaded)[0].text(0));
}

}  // namespace shop::notification::repository
