#include "api/inventory_handlers.hpp"

#include "api/conversions.hpp"
#include "common/identity/access.hpp"
#include "common/text.hpp"
#include "models/stock.hpp"

namespace shop::product::api {

using common::Error;

namespace {

common::Result<std::chrono::seconds> reservation_ttl(const Deps& deps, int requested_seconds) {
  if (requested_seconds == 0) return deps.default_reservation_ttl;
  if (requested_seconds < 1 || requested_seconds > deps.max_reservation_ttl.count())
    return Error::validation({{"ttl_seconds", "out of range"}});
  return std::chrono::seconds(requested_seconds);
}

common::Result<void> check_order_id(const std::string& order_id) {
  if (order_id.empty()) return Error::validation({{"order_id", "must not be empty"}});
  return {};
}

}  // namespace

Task<v1::Inventory> set_inventory(const Deps& deps, const v1::SetInventoryRequest& request,
                                  CallContext call) {
  if (auto admin = co_await common::identity::require_admin(*deps.authenticator, call); !admin)
    co_return admin.error();
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  const repository::WriteContext context{call.trace()};
  auto level = co_await deps.inventory->set_on_hand(request.id(), request.quantity(), context);
  if (!level) co_return level.error();
  co_return to_proto(*level);
}

Task<v1::Reservation> reserve_stock(const Deps& deps, const v1::ReserveStockRequest& request,
                                    CallContext call) {
  std::vector<models::StockRequestLine> lines;
  for (const auto& item : request.items()) lines.push_back({item.product_id(), item.quantity()});
  auto normalized = models::normalize_reservation(request.order_id(), std::move(lines));
  if (!normalized) co_return normalized.error();
  auto ttl = reservation_ttl(deps, request.ttl_seconds());
  if (!ttl) co_return ttl.error();
  const repository::WriteContext context{call.trace()};
  auto reservation =
      co_await deps.inventory->reserve(request.order_id(), *normalized, *ttl, context);
  if (!reservation) co_return reservation.error();
  co_return to_proto(*reservation);
}

Task<v1::Reservation> commit_reservation(const Deps& deps, const v1::ReservationRequest& request,
                                         CallContext call) {
  if (auto valid = check_order_id(request.order_id()); !valid) co_return valid.error();
  const repository::WriteContext context{call.trace()};
  auto reservation = co_await deps.inventory->commit(request.order_id(), context);
  if (!reservation) co_return reservation.error();
  co_return to_proto(*reservation);
}

Task<v1::Reservation> release_reservation(const Deps& deps, const v1::ReservationRequest& request,
                                          CallContext call) {
  if (auto valid = check_order_id(request.order_id()); !valid) co_return valid.error();
  const repository::WriteContext context{call.trace()};
  auto reservation = co_await deps.inventory->release(request.order_id(), context);
  if (!reservation) co_return reservation.error();
  co_return to_proto(*reservation);
}

Task<v1::Reservation> return_stock(const Deps& deps, const v1::ReservationRequest& request,
                                   CallContext call) {
  if (auto valid = check_order_id(request.order_id()); !valid) co_return valid.error();
  const repository::WriteContext context{call.trace()};
  auto reservation = co_await deps.inventory->return_stock(request.order_id(), context);
  if (!reservation) co_return reservation.error();
  co_return to_proto(*reservation);
}

Task<v1::WaitlistEntry> join_waitlist(const Deps& deps, const v1::WaitlistRequest& request,
                                      CallContext call) {
  auto customer = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!customer) co_return customer.error();
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  auto entry = co_await deps.inventory->join_waitlist(request.id(), customer->subject);
  if (!entry) co_return entry.error();
  v1::WaitlistEntry out;
  out.set_product_id(entry->product_id);
  out.set_user_id(entry->user_id);
  out.set_created_at(entry->created_at);
  co_return out;
}

Task<google::protobuf::Empty> leave_waitlist(const Deps& deps, const v1::WaitlistRequest& request,
                                             CallContext call) {
  auto customer = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!customer) co_return customer.error();
  if (!common::is_uuid(request.id())) co_return Error::not_found("no such product");
  if (auto left = co_await deps.inventory->leave_waitlist(request.id(), customer->subject); !left)
    co_return left.error();
  co_return google::protobuf::Empty{};
}

}  // namespace shop::product::api
