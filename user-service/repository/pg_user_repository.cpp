#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "common/text.hpp"
#include "models/user_events.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::user::repository {
namespace {

using common::Error;
using common::ErrorCode;
namespace db = common::db;

constexpr std::string_view kUserColumns =
    "id::text, email, name, array_to_string(roles, ','), shipping_address::text, "
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

const std::string kInsertUser =
    "INSERT INTO users (email, name, password_hash, roles) "
    "VALUES ($1, $2, $3, string_to_array($4, ',')) RETURNING " +
    std::string(kUserColumns);
const std::string kInsertUserIfAbsent =
    "INSERT INTO users (email, name, password_hash, roles) "
    "VALUES ($1, $2, $3, string_to_array($4, ',')) ON CONFLICT (email) DO NOTHING "
    "RETURNING " +
    std::string(kUserColumns);
const std::string kSelectCredentials =
    "SELECT " + std::string(kUserColumns) + ", password_hash FROM users WHERE email = $1";
const std::string kSelectById =
    "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = $1::uuid";
const std::string kUpdateProfile =
    "UPDATE users SET name = COALESCE($2, name), "
    "shipping_address = COALESCE($3::jsonb, shipping_address), updated_at = now() "
    "WHERE id = $1::uuid RETURNING " +
    std::string(kUserColumns);

std::string join(const std::vector<std::string>& parts) {
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : ",") + part;
  return joined;
}

std::string address_json(const models::Address& address) {
  return boost::json::serialize(boost::json::object{{"name", address.name},
                                                    {"line1", address.line1},
                                                    {"line2", address.line2},
                                                    {"city", address.city},
                                                    {"postal_code", address.postal_code},
                                                    {"country", address.country}});
}

std::optional<models::Address> parse_address(const std::optional<std::string>& json) {
  if (!json) return std::nullopt;
  boost::system::error_code ec;
  const auto value = boost::json::parse(*json, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& object = value.as_object();
  const auto field = [&object](const char* key) {
    const auto* found = object.if_contains(key);
    return found && found->is_string() ? std::string(found->as_string()) : std::string();
  };
  return models::Address{field("name"), field("line1"),       field("line2"),
                         field("city"), field("postal_code"), field("country")};
}

models::User read_user(const db::Row& row) {
  return models::User{std::string(row.text(0)),
                      std::string(row.text(1)),
                      std::string(row.text(2)),
                      common::split(row.text(3), ','),
                      parse_address(row.optional_text(4)),
                      std::string(row.text(5))};
}

db::Params new_user_params(const models::NewUser& user) {
  return db::make_params(user.email, user.name, user.password_hash, join(user.roles));
}

Task<models::User> single_user(common::Result<db::QueryResult> result) {
  if (!result) co_return result.error();
  if (result->empty()) co_return Error::not_found("no such user");
  co_return read_user((*result)[0]);
}

}  // namespace

Task<std::optional<models::User>> PgUserRepository::insert_and_announce(
    const std::string& sql, const models::NewUser& user) {
  auto body = [this, &sql, &user](db::Connection& tx) -> Task<std::optional<models::User>> {
    auto inserted = co_await tx.query(sql, new_user_params(user));
    if (!inserted) co_return inserted.error();
    if (inserted->empty()) co_return std::optional<models::User>{};
    auto created = read_user((*inserted)[0]);
    auto event = models::user_registered(created);
    auto announced = co_await outbox_.enqueue(tx, std::move(event));
    if (!announced) co_return announced.error();
    co_return std::optional<models::User>{std::move(created)};
  };
  co_return co_await pool_->transaction(body);
}

Task<models::User> PgUserRepository::create(const models::NewUser& user) {
  auto created = co_await insert_and_announce(kInsertUser, user);
  if (!created && created.error().code == ErrorCode::kConflict) {
    co_return Error::conflict("an account with this email already exists");
  }
  if (!created) co_return created.error();
  if (!*created) co_return Error::internal("the insert returned no user");
  co_return std::move(**created);
}

Task<void> PgUserRepository::create_if_absent(const models::NewUser& user) {
  auto created = co_await insert_and_announce(kInsertUserIfAbsent, user);
  if (!created) co_return created.error();
  co_return common::Result<void>{};
}

Task<std::optional<Credentials>> PgUserRepository::find_credentials(const std::string& email) {
  auto result = co_await pool_->query(kSelectCredentials, db::make_params(email));
  if (!result) co_return result.error();
  if (result->empty()) co_return std::optional<Credentials>{};
  const auto row = (*result)[0];
  co_return Credentials{read_user(row), std::string(row.text(6))};
}

Task<models::User> PgUserRepository::find_by_id(const std::string& id) {
  co_return co_await single_user(co_await pool_->query(kSelectById, db::make_params(id)));
}

Task<models::User> PgUserRepository::update_profile(const std::string& id,
                                                    const models::ProfileChange& change) {
  std::optional<std::string> address;
  if (change.shipping_address) address = address_json(*change.shipping_address);
  co_return co_await single_user(
      co_await pool_->query(kUpdateProfile, db::make_params(id, change.name, address)));
}

}  // namespace shop::user::repository
