#pragma once
// Carries orders through the saga (models/saga.hpp): reads the order's log, performs
// the step it needs with product-service or the payment provider, appends what
// happened, and again, until no step is left or one has to wait for a dependency.
// Several runners (a request, the recovery worker, another replica) may work on one
// order at once: each step is idempotent at the other end, and an entry that loses
// the race for its sequence number is re-decided on the fresh log, except facts (a
// charge happened), which are recorded whatever else happened meanwhile.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "clients/payment_gateway.hpp"
#include "clients/stock_service.hpp"
#include "common/grpc/call_context.hpp"
#include "models/saga.hpp"
#include "repository/stores.hpp"

namespace shop::order::saga {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct SagaDeps {
  std::shared_ptr<repository::OrderStore> orders;
  std::shared_ptr<clients::StockService> stock;
  std::shared_ptr<clients::PaymentGateway> payments;
  // After this long without a conclusive answer from the payment provider, an order
  // that the provider holds no charge for is cancelled.
  std::chrono::seconds payment_give_up{30};
  std::function<std::chrono::system_clock::time_point()> now = [] {
    return std::chrono::system_clock::now();
  };
};

// Decides the next entry from the current order: nullopt when there is nothing to do.
using Decision =
    std::function<common::Result<std::optional<models::LogEntry>>(const models::Order&)>;

class SagaRunner {
 public:
  explicit SagaRunner(SagaDeps deps) : deps_(std::move(deps)) {}

  // Runs the order's steps until none is left or one must wait; the order as it then
  // stands, projected for readers.
  Task<models::Order> advance(const std::string& order_id,
                              const common::grpc_glue::CallContext& call);

  // Appends what `decide` answers for the current order, deciding again on a lost race;
  // then projects the order.
  Task<models::Order> change(const std::string& order_id, const Decision& decide);

  std::string timestamp() const;

 private:
  Task<models::Order> current(const std::string& order_id);
  // The entry that records the outcome of the step; nullopt when it must wait.
  Task<std::optional<models::LogEntry>> perform(models::SagaStep step, const models::Order& order,
                                                const common::grpc_glue::CallContext& call);
  Task<std::optional<models::LogEntry>> charge(const models::Order& order);
  // Asks the provider whether it holds a charge for the order: recorded if so, the
  // payment failed if not; nullopt while the provider cannot say.
  Task<std::optional<models::LogEntry>> settle_unknown_payment(const models::Order& order);
  // Appends `fact` after `known` (the order as last read) unless the order shows it
  // already, reading the log again only when another writer went first. The order with
  // the fact.
  Task<models::Order> record(models::LogEntry fact, models::Order known);

  SagaDeps deps_;
};

}  // namespace shop::order::saga
