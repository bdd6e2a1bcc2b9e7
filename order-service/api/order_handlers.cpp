#include "api/order_handlers.hpp"

#include "api/catalog_lookup.hpp"
#include "api/conversions.hpp"
#include "common/auth/random.hpp"
#include "common/identity/access.hpp"
#include "common/observability/logger.hpp"
#include "common/text.hpp"
#include "models/saga.hpp"
#include "saga/advance_within.hpp"

namespace shop::order::api {
namespace {

using common::Error;
using common::ErrorCode;
namespace v1 = order::v1;

constexpr std::int64_t kListLimit = 100;
constexpr std::string_view kCancelledByCustomer = "cancelled_by_customer";

// The order, if the caller may see it: its owner or an admin. Anyone else gets the
// same 404 as for an order that does not exist.
Task<models::Order> visible_order(const Deps& deps, const std::string& order_id,
                                  const common::auth::Claims& claims) {
  if (!common::is_uuid(order_id)) co_return Error::not_found("no such order");
  auto log = co_await deps.orders->read_log(order_id);
  if (!log) co_return log.error();
  auto order = models::fold(*log);
  if (!order) co_return order.error();
  if (order->user_id != claims.subject && !common::identity::is_admin(claims)) {
    co_return Error::not_found("no such order");
  }
  co_return order;
}

// The lines to order: the request's, or the cart's when it names none.
Task<std::vector<models::RequestedLine>> requested_lines(const Deps& deps,
                                                         const models::OrderRequest& request,
                                                         const std::string& user_id) {
  if (!request.lines.empty()) co_return request.lines;
  auto cart = co_await deps.carts->lines(user_id);
  if (!cart) co_return cart.error();
  if (cart->empty()) {
    std::vector<common::FieldError> empty{{"items", "the cart is empty"}};
    co_return Error::validation(std::move(empty));
  }
  std::vector<models::RequestedLine> lines;
  for (const auto& line : *cart) lines.push_back({line.product_id, line.quantity});
  co_return lines;
}

// Names and prices come from the catalog, never from the client.
Task<std::vector<models::OrderLine>> priced_lines(const Deps& deps,
                                                  const std::vector<models::RequestedLine>& lines,
                                                  std::string& currency,
                                                  const common::grpc_glue::CallContext& call) {
  auto catalog = co_await catalog_for(deps, lines, call);
  if (!catalog) co_return catalog.error();
  std::vector<models::OrderLine> priced;
  std::vector<common::FieldError> errors;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto field = "items[" + std::to_string(i) + "].product_id";
    const auto found = catalog->find(lines[i].product_id);
    if (found == catalog->end()) {
      errors.push_back({field, "no such product"});
      continue;
    }
    const auto& product = found->second;
    if (currency.empty()) currency = product.currency;
    if (product.currency != currency)
      errors.push_back({field, "all items must share one currency"});
    priced.push_back({product.product_id, product.name, lines[i].quantity, product.price_cents});
  }
  if (!errors.empty()) co_return Error::validation(std::move(errors));
  co_return priced;
}

// Whether the order a seen key stands for was placed; kValidation when the key came
// with another request.
Task<bool> placed(const Deps& deps, const repository::IdempotencyRecord& record,
                  const std::string& fingerprint) {
  if (record.fingerprint != fingerprint) {
    std::vector<common::FieldError> reused{
        {"Idempotency-Key", "was used before with a different request"}};
    co_return Error::validation(std::move(reused));
  }
  auto log = co_await deps.orders->read_log(record.order_id);
  if (!log) co_return log.error();
  co_return !log->empty();
}

Task<v1::Order> answer_after_saga(const Deps& deps, const std::string& order_id,
                                  const common::grpc_glue::CallContext& call) {
  auto settled = co_await saga::advance_within(deps.saga, order_id, call, deps.saga_wait);
  if (!settled) co_return settled.error();
  if (*settled) co_return to_proto(**settled);
  auto order = co_await deps.orders->project(order_id);
  if (!order) co_return order.error();
  co_return to_proto(*order);
}

// A twin request claimed the key a moment before this one: the answer is its order's.
Task<v1::Order> answer_twin(const Deps& deps, const std::string& user_id, const std::string& key,
                            const std::string& fingerprint,
                            const common::grpc_glue::CallContext& call) {
  auto twin = co_await deps.idempotency->find(user_id, key);
  if (!twin) co_return twin.error();
  if (!*twin) co_return Error::unavailable("the idempotency record vanished; retry");
  auto was_placed = co_await placed(deps, **twin, fingerprint);
  if (!was_placed) co_return was_placed.error();
  // Not placed yet: the twin is still on its way. Its client gets the order; this one
  // may retry with the same key.
  if (!*was_placed) co_return Error::conflict("a request with this Idempotency-Key is in progress");
  co_return co_await answer_after_saga(deps, (*twin)->order_id, call);
}

}  // namespace

Task<v1::Order> create_order(const Deps& deps, const v1::CreateOrderRequest& request,
                             common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto order_request = from_proto(request);
  if (auto key = models::check_idempotency_key(order_request.idempotency_key); !key) {
    co_return key.error();
  }
  if (auto errors = models::validate_order_request(order_request); !errors.empty()) {
    co_return Error::validation(std::move(errors));
  }
  // The request as sent decides "the same request": an order from the cart replays
  // after the cart was emptied by the first attempt.
  const auto fingerprint = models::request_fingerprint(order_request);
  auto seen = co_await deps.idempotency->find(claims->subject, order_request.idempotency_key);
  if (!seen) co_return seen.error();
  models::Order order;
  if (*seen) {
    auto placed_before = co_await placed(deps, **seen, fingerprint);
    if (!placed_before) co_return placed_before.error();
    if (*placed_before) co_return co_await answer_after_saga(deps, (*seen)->order_id, call);
    // An earlier attempt claimed the key and stopped before placing: this one places.
    order.id = (*seen)->order_id;
  }
  const bool from_cart = order_request.lines.empty();
  auto lines = co_await requested_lines(deps, order_request, claims->subject);
  if (!lines) co_return lines.error();
  order.user_id = claims->subject;
  auto priced = co_await priced_lines(deps, *lines, order.currency, call);
  if (!priced) co_return priced.error();
  order.lines = std::move(*priced);
  order.total_cents = models::total_of(order.lines);
  order.address = order_request.address;
  auto card = co_await deps.payments->tokenize(order_request.card);
  if (!card) co_return card.error();
  order.card = std::move(*card);

  if (order.id.empty()) {
    order.id = common::auth::new_uuid();
    const repository::IdempotencyRecord record{claims->subject, order_request.idempotency_key,
                                               fingerprint, order.id};
    auto claimed = co_await deps.idempotency->insert(record);
    if (!claimed && claimed.error().code == ErrorCode::kConflict) {
      co_return co_await answer_twin(deps, claims->subject, order_request.idempotency_key,
                                     fingerprint, call);
    }
    if (!claimed) co_return claimed.error();
  }
  auto entry = models::next_entry(order, models::EntryType::kPlaced, deps.saga->timestamp());
  entry.placed = order;
  auto appended = co_await deps.orders->append(entry);
  // kConflict: a twin attempt with this key placed the order a moment ago.
  if (!appended && appended.error().code != ErrorCode::kConflict) co_return appended.error();
  if (appended && from_cart) {
    // The order holds the lines now; a failure here leaves a cart to empty by hand.
    auto cleared = co_await deps.carts->clear(claims->subject);
    if (!cleared) common::obs::warn("cart not cleared after an order", {{"order_id", order.id}});
  }
  co_return co_await answer_after_saga(deps, order.id, call);
}

Task<v1::OrderList> list_orders(const Deps& deps, common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto orders = co_await deps.orders->list_for_user(claims->subject, kListLimit);
  if (!orders) co_return orders.error();
  v1::OrderList list;
  for (const auto& order : *orders) *list.add_orders() = to_proto(order);
  co_return list;
}

Task<v1::Order> get_order(const Deps& deps, const v1::GetOrderRequest& request,
                          common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto order = co_await visible_order(deps, request.id(), *claims);
  if (!order) co_return order.error();
  co_return to_proto(*order);
}

Task<v1::Order> cancel_order(const Deps& deps, const v1::GetOrderRequest& request,
                             common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto visible = co_await visible_order(deps, request.id(), *claims);
  if (!visible) co_return visible.error();
  const saga::Decision decide =
      [&deps](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
    auto allowed = models::may_cancel(order);
    if (!allowed) return allowed.error();
    if (!*allowed) return std::optional<models::LogEntry>{};
    auto entry = models::next_entry(order, models::EntryType::kCancelled, deps.saga->timestamp());
    entry.reason = kCancelledByCustomer;
    return std::optional<models::LogEntry>(std::move(entry));
  };
  auto cancelled = co_await deps.saga->change(request.id(), decide);
  if (!cancelled) co_return cancelled.error();
  co_return co_await answer_after_saga(deps, request.id(), call);
}

Task<v1::Order> set_order_status(const Deps& deps, const v1::SetOrderStatusRequest& request,
                                 common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_admin(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  const auto target = models::parse_order_status(request.status());
  if (!target ||
      (*target != models::OrderStatus::kShipped && *target != models::OrderStatus::kDelivered &&
       *target != models::OrderStatus::kCompleted)) {
    std::vector<common::FieldError> invalid{{"status", "must be SHIPPED, DELIVERED or COMPLETED"}};
    co_return Error::validation(std::move(invalid));
  }
  auto visible = co_await visible_order(deps, request.id(), *claims);
  if (!visible) co_return visible.error();
  const auto status = *target;
  const saga::Decision decide =
      [&deps,
       status](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
    auto allowed = models::may_set_status(order, status);
    if (!allowed) return allowed.error();
    if (!*allowed) return std::optional<models::LogEntry>{};
    auto entry = models::next_entry(order, models::EntryType::kStatusSet, deps.saga->timestamp());
    entry.status = status;
    return std::optional<models::LogEntry>(std::move(entry));
  };
  auto changed = co_await deps.saga->change(request.id(), decide);
  if (!changed) co_return changed.error();
  co_return to_proto(*changed);
}

}  // namespace shop::order::api
