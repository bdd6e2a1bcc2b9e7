#include "repository/pg_repositories.hpp"

namespace shop::payment::repository {
namespace {

namespace db = common::db;

constexpr std::string_view kInsertMethod =
    "INSERT INTO payment_methods (id, card_number, brand, last4, exp_month, exp_year, created) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kSelectMethod =
    "SELECT id, card_number, brand, last4, exp_month, exp_year, created "
    "FROM payment_methods WHERE id = $1";

models::PaymentMethod read_method(const db::Row& row) {
  return models::PaymentMethod{.id = std::string(row.text(0)),
                               .card = {.number = std::string(row.text(1)),
                                        .brand = std::string(row.text(2)),
                                        .last4 = std::string(row.text(3)),
                                        .exp_month = static_cast<int>(row.int64(4)),
                                        .exp_year = static_cast<int>(row.int64(5))},
                               .created = row.int64(6)};
}

}  // namespace

Task<void> PgPaymentMethodRepository::create(const models::PaymentMethod& method) {
  const auto& card = method.card;
  auto inserted = co_await pool_->query(
      kInsertMethod, db::make_params(method.id, card.number, card.brand, card.last4, card.exp_month,
                                     card.exp_year, method.created));
  if (!inserted) co_return inserted.error();
  co_return common::Result<void>{};
}

Task<std::optional<models::PaymentMethod>> PgPaymentMethodRepository::find(const std::string& id) {
  auto found = co_await pool_->query(kSelectMethod, db::make_params(id));
  if (!found) co_return found.error();
  if (found->empty()) co_return std::optional<models::PaymentMethod>{};
  co_return read_method((*found)[0]);
}

}  // namespace shop::payment::repository
