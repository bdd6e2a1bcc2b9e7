#include "saga/waitlist.hpp"

#include "common/observability/logger.hpp"
#include "json_values.hpp"

namespace shop::order::saga {
namespace {

constexpr std::int64_t kRoundSize = 100;
constexpr std::string_view kRequeueReason = "stock_available";

boost::asio::awaitable<common::mq::Outcome> handle(std::shared_ptr<SagaRunner> runner,
                                                   std::shared_ptr<repository::OrderStore> orders,
                                                   common::mq::ReceivedEvent received) {
  for (const auto& product_id : products_in(received.event)) {
    auto served = co_await serve_waitlist(*runner, *orders, product_id);
    if (!served) {
      common::obs::warn("waitlist round failed; retried later",
                        {{"product_id", product_id}, {"error", served.error().detail}});
      co_return common::mq::Outcome::kRetryLater;
    }
  }
  co_return common::mq::Outcome::kSuccess;
}

}  // namespace

std::vector<std::string> waitlist_bindings() {
  return {"product.back_in_stock", "stock.released", "stock.returned"};
}

std::vector<std::string> products_in(const common::mq::CloudEvent& event) {
  std::vector<std::string> ids;
  if (auto id = text(event.data, "product_id"); !id.empty()) ids.push_back(std::move(id));
  for (const auto& item : array_at(event.data, "items")) {
    if (!item.is_object()) continue;
    if (auto id = text(item.as_object(), "product_id"); !id.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

Task<std::size_t> serve_waitlist(SagaRunner& runner, repository::OrderStore& orders,
                                 const std::string& product_id) {
  auto waiting = co_await orders.waitlisted_for(product_id, kRoundSize);
  if (!waiting) co_return waiting.error();
  const common::grpc_glue::CallContext call;
  const Decision requeue =
      [&runner](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
    if (!models::may_requeue(order)) return std::optional<models::LogEntry>{};
    auto entry = models::next_entry(order, models::EntryType::kRequeued, runner.timestamp());
    entry.reason = kRequeueReason;
    return std::optional<models::LogEntry>(std::move(entry));
  };
  std::size_t served = 0;
  for (const auto& order_id : *waiting) {
    auto requeued = co_await runner.change(order_id, requeue);
    if (!requeued) co_return requeued.error();
    auto settled = co_await runner.advance(order_id, call);
    if (!settled) co_return settled.error();
    if (settled->status == models::OrderStatus::kWaitlisted) break;  // short again: wait on
    ++served;
  }
  co_return served;
}

common::mq::EventHandler make_waitlist_handler(std::shared_ptr<SagaRunner> runner,
                                               std::shared_ptr<repository::OrderStore> orders) {
  return [runner = std::move(runner),
          orders = std::move(orders)](const common::mq::ReceivedEvent& received) {
    return handle(runner, orders, received);
  };
}

}  // namespace shop::order::saga
