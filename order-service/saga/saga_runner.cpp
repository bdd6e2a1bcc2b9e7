#include "saga/saga_runner.hpp"

#include "common/mq/rfc3339.hpp"
#include "common/observability/logger.hpp"
#include "models/saga.hpp"

namespace shop::order::saga {
namespace {

using common::ErrorCode;
using models::EntryType;
using models::LogEntry;
using models::Order;
using models::SagaStep;

// Bounds one run: a full saga takes four steps; the rest is room for lost races.
constexpr int kMaxRounds = 16;

bool is_outage(const common::Error& error) {
  return error.code == ErrorCode::kUnavailable || error.code == ErrorCode::kDeadlineExceeded;
}

// Whether the order already shows what `fact` records.
bool shows(const Order& order, const LogEntry& fact) {
  switch (fact.type) {
    case EntryType::kStockReserved:
      return order.stock != models::StockState::kNone;
    case EntryType::kStockCommitted:
      return order.stock == models::StockState::kCommitted ||
             order.stock == models::StockState::kReleased;
    case EntryType::kStockReleased:
      return order.stock == models::StockState::kReleased;
    case EntryType::kPaymentSucceeded:
      return order.payment == models::PaymentStatus::kSucceeded ||
             order.payment == models::PaymentStatus::kRefunded;
    case EntryType::kPaymentFailed:
      return order.payment != models::PaymentStatus::kPending;
    case EntryType::kRefunded:
      return order.payment == models::PaymentStatus::kRefunded;
    case EntryType::kWaitlisted:
      return order.status != models::OrderStatus::kPending;
    default:
      return false;
  }
}

}  // namespace

std::string SagaRunner::timestamp() const { return common::mq::format_rfc3339(deps_.now()); }

Task<Order> SagaRunner::current(const std::string& order_id) {
  auto log = co_await deps_.orders->read_log(order_id);
  if (!log) co_return log.error();
  co_return models::fold(*log);
}

Task<Order> SagaRunner::advance(const std::string& order_id,
                                const common::grpc_glue::CallContext& call) {
  auto order = co_await current(order_id);
  if (!order) co_return order.error();
  for (int round = 0; round < kMaxRounds; ++round) {
    const auto step = models::next_step(*order);
    if (step == SagaStep::kNone) break;
    auto outcome = co_await perform(step, *order, call);
    if (!outcome) co_return outcome.error();
    if (!*outcome) break;  // waits for a dependency: the recovery worker comes back
    auto recorded = co_await record(std::move(**outcome), std::move(*order));
    if (!recorded) co_return recorded.error();
    order = std::move(*recorded);
  }
  co_return co_await deps_.orders->project(order_id);
}

Task<Order> SagaRunner::change(const std::string& order_id, const Decision& decide) {
  for (int round = 0; round < kMaxRounds; ++round) {
    auto order = co_await current(order_id);
    if (!order) co_return order.error();
    auto entry = decide(*order);
    if (!entry) co_return entry.error();
    if (!*entry) break;
    auto appended = co_await deps_.orders->append(**entry);
    if (appended) break;
    if (appended.error().code != ErrorCode::kConflict) co_return appended.error();
  }
  co_return co_await deps_.orders->project(order_id);
}

Task<Order> SagaRunner::record(LogEntry fact, Order known) {
  for (int round = 0; round < kMaxRounds; ++round) {
    if (shows(known, fact)) co_return known;
    fact.seq = known.version + 1;
    auto appended = co_await deps_.orders->append(fact);
    if (appended) {
      models::apply(known, fact);
      co_return known;
    }
    if (appended.error().code != ErrorCode::kConflict) co_return appended.error();
    // Another writer went first: decide again on the log as it now stands.
    auto fresh = co_await current(fact.order_id);
    if (!fresh) co_return fresh.error();
    known = std::move(*fresh);
  }
  co_return common::Error::unavailable("order " + fact.order_id + " is changing too fast");
}

Task<std::optional<LogEntry>> SagaRunner::perform(SagaStep step, const Order& order,
                                                  const common::grpc_glue::CallContext& call) {
  using Outcome = std::optional<LogEntry>;
  common::Result<void> done;
  EntryType recorded = EntryType::kStockReserved;
  switch (step) {
    case SagaStep::kCharge:
      co_return co_await charge(order);
    case SagaStep::kReserveStock: {
      done = co_await deps_.stock->reserve(order, call);
      if (!done && done.error().code == ErrorCode::kConflict) {
        auto waitlisted = models::next_entry(order, EntryType::kWaitlisted, timestamp());
        waitlisted.reason = done.error().detail;
        co_return Outcome(std::move(waitlisted));
      }
      recorded = EntryType::kStockReserved;
      break;
    }
    case SagaStep::kCommitStock:
      done = co_await deps_.stock->commit(order.id, call);
      recorded = EntryType::kStockCommitted;
      break;
    case SagaStep::kReleaseStock:
      done = co_await deps_.stock->release(order.id, call);
      // The commit went through but its record did not make it into the log: the stock
      // was sold, so it goes back on hand instead.
      if (!done && done.error().code == ErrorCode::kConflict) {
        done = co_await deps_.stock->return_stock(order.id, call);
      }
      recorded = EntryType::kStockReleased;
      break;
    case SagaStep::kReturnStock:
      done = co_await deps_.stock->return_stock(order.id, call);
      recorded = EntryType::kStockReleased;
      break;
    case SagaStep::kRefund:
      done = co_await deps_.payments->refund(order);
      recorded = EntryType::kRefunded;
      break;
    case SagaStep::kNone:
      co_return Outcome{};
  }
  if (!done) {
    if (is_outage(done.error())) {
      common::obs::warn("saga step waits for a dependency",
                        {{"order_id", order.id}, {"error", done.error().detail}});
      co_return Outcome{};
    }
    co_return done.error();
  }
  co_return Outcome(models::next_entry(order, recorded, timestamp()));
}

Task<std::optional<LogEntry>> SagaRunner::charge(const Order& order) {
  using Outcome = std::optional<LogEntry>;
  const auto placed = common::mq::parse_rfc3339(order.created_at);
  // Past the give-up time no charge is attempted any more: only the provider's books
  // can still settle the payment.
  if (placed && deps_.now() - *placed >= deps_.payment_give_up) {
    co_return co_await settle_unknown_payment(order);
  }
  auto charged = co_await deps_.payments->charge(order);
  if (!charged) {
    if (!is_outage(charged.error())) co_return charged.error();
    common::obs::warn("payment outcome unknown; the charge is tried again later",
                      {{"order_id", order.id}, {"error", charged.error().detail}});
    co_return Outcome{};
  }
  if (charged->succeeded) {
    auto entry = models::next_entry(order, EntryType::kPaymentSucceeded, timestamp());
    entry.charge_id = charged->charge_id;
    co_return Outcome(std::move(entry));
  }
  auto entry = models::next_entry(order, EntryType::kPaymentFailed, timestamp());
  entry.reason = charged->failure_reason.empty() ? "payment_failed" : charged->failure_reason;
  co_return Outcome(std::move(entry));
}

Task<std::optional<LogEntry>> SagaRunner::settle_unknown_payment(const Order& order) {
  using Outcome = std::optional<LogEntry>;
  auto held = co_await deps_.payments->find_charge(order);
  if (!held) co_return Outcome{};
  if (*held) {
    auto entry = models::next_entry(order, EntryType::kPaymentSucceeded, timestamp());
    entry.charge_id = **held;
    co_return Outcome(std::move(entry));
  }
  auto entry = models::next_entry(order, EntryType::kPaymentFailed, timestamp());
  entry.reason = "payment_provider_unavailable";
  co_return Outcome(std::move(entry));
}

}  // namespace shop::order::saga
