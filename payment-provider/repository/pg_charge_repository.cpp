#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "models/charge_rules.hpp"
#include "repository/key_answers.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::payment::repository {
namespace {

namespace db = common::db;
using models::ApiError;
using models::ApiResult;

constexpr std::string_view kChargeColumns =
    "id, amount, currency, status, payment_method, description, metadata::text, created, "
    "amount_refunded, failure_code, failure_message, decline_code";

constexpr std::string_view kInsertCharge =
    "INSERT INTO charges (id, amount, currency, status, payment_method, description, metadata, "
    "created, failure_code, failure_message, decline_code) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)";
const std::string kSelectCharge =
    "SELECT " + std::string(kChargeColumns) + " FROM charges WHERE id = $1";
const std::string kSelectByOrder = "SELECT " + std::string(kChargeColumns) +
                                   " FROM charges WHERE metadata ->> 'order_id' = $1 "
                                   "ORDER BY position";
// Concurrent refunds of one charge queue here and each sees what the previous one left.
const std::string kLockCharge =
    "SELECT " + std::string(kChargeColumns) + " FROM charges WHERE id = $1 FOR UPDATE";
constexpr std::string_view kInsertRefund =
    "INSERT INTO refunds (id, charge, amount, currency, created) VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kAddRefunded =
    "UPDATE charges SET amount_refunded = amount_refunded + $2 WHERE id = $1";

std::optional<std::string> nullable(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

models::Metadata read_metadata(std::string_view json) {
  boost::system::error_code ec;
  const auto parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_object()) return {};
  return models::metadata_from_json(parsed.as_object());
}

models::Charge read_charge(const db::Row& row) {
  return models::Charge{
      .id = std::string(row.text(0)),
      .amount = row.int64(1),
      .currency = std::string(row.text(2)),
      .status = models::parse_status(row.text(3)).value_or(models::ChargeStatus::kFailed),
      .payment_method = std::string(row.text(4)),
      .description = row.optional_text(5),
      .metadata = read_metadata(row.text(6)),
      .created = row.int64(7),
      .amount_refunded = row.int64(8),
      .failure_code = std::string(row.text(9)),
      .failure_message = std::string(row.text(10)),
      .decline_code = std::string(row.text(11))};
}

db::Params charge_params(const models::Charge& charge) {
  return db::make_params(charge.id, charge.amount, charge.currency,
                         std::string(models::status_name(charge.status)), charge.payment_method,
                         charge.description,
                         boost::json::serialize(models::to_json(charge.metadata)), charge.created,
                         nullable(charge.failure_code), nullable(charge.failure_message),
                         nullable(charge.decline_code));
}

}  // namespace

Task<void> PgChargeRepository::create(const models::Charge& charge, const KeyClaim& claim,
                                      const StoredResponse& response) {
  auto body = [charge, claim, response](db::Connection& connection) -> Task<void> {
    auto inserted = co_await connection.query(kInsertCharge, charge_params(charge));
    if (!inserted) co_return inserted.error();
    co_return co_await record_answer(connection, claim, response);
  };
  co_return co_await pool_->transaction(body);
}

Task<std::optional<models::Charge>> PgChargeRepository::find(const std::string& id) {
  auto found = co_await pool_->query(kSelectCharge, db::make_params(id));
  if (!found) co_return found.error();
  if (found->empty()) co_return std::optional<models::Charge>{};
  co_return read_charge((*found)[0]);
}

Task<std::vector<models::Charge>> PgChargeRepository::list_by_order(const std::string& order_id) {
  auto found = co_await pool_->query(kSelectByOrder, db::make_params(order_id));
  if (!found) co_return found.error();
  std::vector<models::Charge> charges;
  for (const auto& row : *found) charges.push_back(read_charge(row));
  co_return charges;
}

Task<ApiResult<models::Refund>> PgChargeRepository::refund(const RefundCommand& command,
                                                           const KeyClaim& claim,
                                                           const RenderRefund& render) {
  using Outcome = ApiResult<models::Refund>;
  auto body = [command, claim, render](db::Connection& connection) -> Task<Outcome> {
    auto locked = co_await connection.query(kLockCharge, db::make_params(command.charge_id));
    if (!locked) co_return locked.error();
    if (locked->empty()) {
      co_return Outcome(
          ApiError::resource_missing("charge", "No such charge: '" + command.charge_id + "'"));
    }
    const auto charge = read_charge((*locked)[0]);
    const auto amount = models::refund_amount(charge, command.amount);
    if (!amount) co_return Outcome(amount.error());
    const models::Refund refund{command.refund_id, charge.id, *amount, charge.currency,
                                command.created};
    auto inserted = co_await connection.query(
        kInsertRefund,
        db::make_params(refund.id, refund.charge, refund.amount, refund.currency, refund.created));
    if (!inserted) co_return inserted.error();
    auto added = co_await connection.query(kAddRefunded, db::make_params(charge.id, refund.amount));
    if (!added) co_return added.error();
    const auto response = render(refund);
    auto recorded = co_await record_answer(connection, claim, response);
    if (!recorded) co_return recorded.error();
    co_return Outcome(refund);
  };
  co_return co_await pool_->transaction(body);
}

}  // namespace shop::payment::repository
