#include "saga_fakes.hpp"

#include <algorithm>

namespace shop::order::testing {

using common::Error;

repository::Task<std::vector<models::LogEntry>> FakeOrderStore::read_log(
    const std::string& order_id) {
  co_return log(order_id);
}

std::vector<models::LogEntry> FakeOrderStore::log(const std::string& order_id) const {
  const std::lock_guard lock(mutex_);
  const auto found = logs_.find(order_id);
  return found == logs_.end() ? std::vector<models::LogEntry>{} : found->second;
}

void FakeOrderStore::append_now(const models::LogEntry& entry) {
  const std::lock_guard lock(mutex_);
  auto& log = logs_[entry.order_id];
  if (log.empty()) placement_order_.push_back(entry.order_id);
  log.push_back(entry);
}

repository::Task<void> FakeOrderStore::append(const models::LogEntry& entry) {
  if (before_next_append) {
    auto rival = std::move(before_next_append);
    before_next_append = nullptr;
    rival();
  }
  {
    const std::lock_guard lock(mutex_);
    const auto& log = logs_[entry.order_id];
    const bool taken = std::any_of(log.begin(), log.end(),
                                   [&](const auto& held) { return held.seq == entry.seq; });
    if (taken) co_return Error::conflict("sequence taken");
  }
  append_now(entry);
  co_return common::Result<void>{};
}

repository::Task<models::Order> FakeOrderStore::project(const std::string& order_id) {
  co_return models::fold(log(order_id));
}

repository::Task<std::vector<std::string>> FakeOrderStore::needing_work(const std::string&,
                                                                        std::int64_t) {
  co_return std::vector<std::string>{};
}

repository::Task<std::vector<std::string>> FakeOrderStore::waitlisted_for(
    const std::string& product_id, std::int64_t) {
  std::vector<std::string> placed;
  {
    const std::lock_guard lock(mutex_);
    placed = placement_order_;
  }
  std::vector<std::string> ids;
  for (const auto& id : placed) {
    auto order = models::fold(log(id));
    if (!order || order->status != models::OrderStatus::kWaitlisted) continue;
    for (const auto& line : order->lines) {
      if (line.product_id == product_id) ids.push_back(id);
    }
  }
  co_return ids;
}

repository::Task<std::vector<models::LogEntry>> FakeOrderStore::unpublished(std::int64_t) {
  co_return std::vector<models::LogEntry>{};
}

repository::Task<void> FakeOrderStore::mark_published(const std::string&, std::int64_t) {
  co_return common::Result<void>{};
}

repository::Task<std::vector<models::Order>> FakeOrderStore::list_for_user(const std::string&,
                                                                           std::int64_t) {
  co_return std::vector<models::Order>{};
}

clients::Task<std::vector<clients::CatalogEntry>> FakeStock::find_products(
    const std::vector<std::string>&, const common::grpc_glue::CallContext&) {
  co_return std::vector<clients::CatalogEntry>{};
}

clients::Task<void> FakeStock::reserve(const models::Order& order,
                                       const common::grpc_glue::CallContext&) {
  if (down) co_return Error::unavailable("product-service is down");
  if (reserved.contains(order.id)) co_return common::Result<void>{};
  for (const auto& line : order.lines) {
    if (available[line.product_id] < line.quantity) co_return Error::conflict("not enough stock");
  }
  for (const auto& line : order.lines) available[line.product_id] -= line.quantity;
  reserved.insert(order.id);
  held_[order.id] = order.lines;
  co_return common::Result<void>{};
}

clients::Task<void> FakeStock::commit(const std::string& order_id,
                                      const common::grpc_glue::CallContext&) {
  if (down) co_return Error::unavailable("product-service is down");
  committed.insert(order_id);
  co_return common::Result<void>{};
}

clients::Task<void> FakeStock::release(const std::string& order_id,
                                       const common::grpc_glue::CallContext&) {
  if (down) co_return Error::unavailable("product-service is down");
  if (committed.contains(order_id) && !returned.contains(order_id)) {
    co_return Error::conflict("the reservation is committed");
  }
  if (!released.contains(order_id)) {
    for (const auto& line : held_[order_id]) available[line.product_id] += line.quantity;
    released.insert(order_id);
  }
  co_return common::Result<void>{};
}

clients::Task<void> FakeStock::return_stock(const std::string& order_id,
                                            const common::grpc_glue::CallContext&) {
  if (down) co_return Error::unavailable("product-service is down");
  if (!committed.contains(order_id)) co_return Error::conflict("the reservation is not committed");
  if (!returned.contains(order_id)) {
    for (const auto& line : held_[order_id]) available[line.product_id] += line.quantity;
    returned.insert(order_id);
  }
  co_return common::Result<void>{};
}

boost::asio::awaitable<common::Result<models::CardToken>> FakePayments::tokenize(
    const models::CardDetails&) {
  co_return models::CardToken{"pm_test", "visa", "4242"};
}

boost::asio::awaitable<common::Result<clients::ChargeOutcome>> FakePayments::charge(
    const models::Order& order) {
  switch (next) {
    case Next::kSucceed:
      // Idempotent per order, as the provider is per idempotency key.
      charges[order.id] = 1;
      co_return clients::ChargeOutcome{true, "ch_" + order.id, {}};
    case Next::kDecline:
      co_return clients::ChargeOutcome{false, {}, "card_declined"};
    case Next::kOutage:
      co_return Error::unavailable("payment provider down");
    case Next::kOutageAfterCharging:
      charges[order.id] = 1;
      co_return Error::deadline_exceeded("the answer was lost");
  }
  co_return Error::internal("unreachable");
}

boost::asio::awaitable<common::Result<void>> FakePayments::refund(const models::Order& order) {
  refunded.insert(order.id);
  co_return common::Result<void>{};
}

boost::asio::awaitable<common::Result<std::optional<std::string>>> FakePayments::find_charge(
    const models::Order& order) {
  if (lookup_down) co_return Error::unavailable("payment provider down");
  if (charges.contains(order.id)) co_return std::optional<std::string>("ch_" + order.id);
  co_return std::optional<std::string>{};
}

}  // namespace shop::order::testing
