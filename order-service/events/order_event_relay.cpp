#include "events/order_event_relay.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <map>
#include <set>

#include "common/mq/rfc3339.hpp"
#include "common/observability/logger.hpp"
#include "models/order_events.hpp"

namespace shop::order::events {
namespace {

constexpr std::int64_t kBatch = 200;
constexpr std::string_view kSource = "/order-service";

common::mq::CloudEvent cloud_event(const models::OrderEvent& event, const models::LogEntry& entry) {
  common::mq::CloudEvent out;
  out.id = event.id;
  out.source = std::string(kSource);
  out.type = event.type;
  out.subject = entry.order_id;
  out.time = common::mq::parse_rfc3339(entry.at).value_or(std::chrono::system_clock::now());
  out.sequence = event.sequence;
  out.data = event.data;
  return out;
}

// Publishes the pending entries of one order, in log order; stops at the first failure.
boost::asio::awaitable<common::Result<std::size_t>> publish_order(
    repository::OrderStore& orders, common::mq::Publisher& publisher, const std::string& order_id,
    const std::set<std::int64_t>& pending) {
  auto log = co_await orders.read_log(order_id);
  if (!log) co_return log.error();
  std::size_t published = 0;
  models::Order order;
  for (const auto& entry : *log) {
    const auto before = order;
    models::apply(order, entry);
    if (!pending.contains(entry.seq)) continue;
    for (const auto& event : models::events_for(before, entry, order)) {
      const auto message = cloud_event(event, entry);
      auto sent = co_await publisher.publish(message);
      if (!sent) co_return sent.error();
    }
    auto marked = co_await orders.mark_published(order_id, entry.seq);
    if (!marked) co_return marked.error();
    ++published;
  }
  // The writer of these entries may have died before it projected them; without the
  // projection the recovery worker would never see the order.
  auto projected = co_await orders.project(order_id);
  if (!projected) co_return projected.error();
  co_return published;
}

}  // namespace

boost::asio::awaitable<common::Result<std::size_t>> publish_pending(
    repository::OrderStore& orders, common::mq::Publisher& publisher) {
  auto pending = co_await orders.unpublished(kBatch);
  if (!pending) co_return pending.error();
  std::vector<std::string> order_ids;  // in the order their oldest entry was written
  std::map<std::string, std::set<std::int64_t>> by_order;
  for (const auto& entry : *pending) {
    auto& seqs = by_order[entry.order_id];
    if (seqs.empty()) order_ids.push_back(entry.order_id);
    seqs.insert(entry.seq);
  }
  std::size_t published = 0;
  for (const auto& order_id : order_ids) {
    auto sent = co_await publish_order(orders, publisher, order_id, by_order[order_id]);
    if (!sent) co_return sent.error();
    published += *sent;
  }
  co_return published;
}

boost::asio::awaitable<void> relay_order_events(std::shared_ptr<repository::OrderStore> orders,
                                                std::shared_ptr<common::mq::Publisher> publisher,
                                                std::chrono::milliseconds interval) {
  auto executor = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer timer(executor);
  bool failing = false;
  while (true) {
    auto published = co_await publish_pending(*orders, *publisher);
    if (!published && !failing) {
      common::obs::warn("order events wait in the log", {{"error", published.error().detail}});
    }
    failing = !published;
    // A full batch means more are likely waiting: go again at once.
    if (published && *published >= static_cast<std::size_t>(kBatch)) continue;
    timer.expires_after(interval);
    auto [ec] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) co_return;
  }
}

}  // namespace shop::order::events
