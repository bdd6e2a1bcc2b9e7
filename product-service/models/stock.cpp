#include "models/stock.hpp"

#include <algorithm>
#include <map>

#include "common/text.hpp"

namespace shop::product::models {
namespace {

constexpr std::size_t kMaxOrderIdLength = 100;

}  // namespace

std::string_view to_string(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::kReserved:
      return "reserved";
    case ReservationStatus::kCommitted:
      return "committed";
    case ReservationStatus::kReleased:
      return "released";
    case ReservationStatus::kExpired:
      return "expired";
    case ReservationStatus::kReturned:
      return "returned";
  }
  return "unknown";
}

std::optional<ReservationStatus> parse_reservation_status(std::string_view text) {
  for (auto status :
       {ReservationStatus::kReserved, ReservationStatus::kCommitted, ReservationStatus::kReleased,
        ReservationStatus::kExpired, ReservationStatus::kReturned}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

common::Result<std::vector<StockRequestLine>> normalize_reservation(
    std::string_view order_id, std::vector<StockRequestLine> lines) {
  std::vector<common::FieldError> errors;
  if (order_id.empty() || order_id.size() > kMaxOrderIdLength)
    errors.push_back({"order_id", "must be 1 to 100 characters"});
  if (lines.empty() || lines.size() > kMaxLinesPerReservation)
    errors.push_back({"items", "must hold 1 to 100 lines"});
  std::map<std::string, std::int64_t> merged;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto prefix = "items[" + std::to_string(i) + "].";
    const auto& line = lines[i];
    if (!common::is_uuid(line.product_id)) errors.push_back({prefix + "product_id", "not a UUID"});
    if (line.quantity < 1 || line.quantity > kMaxQuantityPerLine) {
      errors.push_back({prefix + "quantity", "must be 1 to 10000"});
    } else {
      merged[line.product_id] += line.quantity;
    }
  }
  for (const auto& [product_id, quantity] : merged) {
    if (quantity > kMaxQuantityPerLine)
      errors.push_back({"items", "more than 10000 units of " + product_id});
  }
  if (!errors.empty()) return common::Error::validation(std::move(errors));
  std::vector<StockRequestLine> normalized;
  normalized.reserve(merged.size());
  for (auto& [product_id, quantity] : merged) normalized.push_back({product_id, quantity});
  return normalized;
}

Transition on_commit(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::kReserved:
      return Transition::kApply;
    case ReservationStatus::kCommitted:
    case ReservationStatus::kReturned:
      return Transition::kAlreadyDone;
    case ReservationStatus::kReleased:
    case ReservationStatus::kExpired:
      return Transition::kRefuse;
  }
  return Transition::kRefuse;
}

Transition on_release(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::kReserved:
      return Transition::kApply;
    case ReservationStatus::kReleased:
    case ReservationStatus::kExpired:
    case ReservationStatus::kReturned:
      return Transition::kAlreadyDone;
    case ReservationStatus::kCommitted:
      return Transition::kRefuse;
  }
  return Transition::kRefuse;
}

Transition on_return(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::kCommitted:
      return Transition::kApply;
    case ReservationStatus::kReturned:
      return Transition::kAlreadyDone;
    case ReservationStatus::kReserved:
    case ReservationStatus::kReleased:
    case ReservationStatus::kExpired:
      return Transition::kRefuse;
  }
  return Transition::kRefuse;
}

common::Result<bool> must_apply(Transition transition, ReservationStatus status) {
  switch (transition) {
    case Transition::kApply:
      return true;
    case Transition::kAlreadyDone:
      return false;
    case Transition::kRefuse:
      break;
  }
  return common::Error::conflict("the reservation is " + std::string(to_string(status)));
}

bool is_back_in_stock(std::int64_t available_before, std::int64_t available_after) {
  return available_before <= 0 && available_after > 0;
}

bool crosses_low_stock(std::int64_t available_before, std::int64_t available_after,
                       std::int64_t threshold) {
  return available_before > threshold && available_after <= threshold;
}

common::Result<void> check_new_on_hand(std::int64_t quantity, const StockLevel& current) {
  if (quantity < 0 || quantity > kMaxOnHand)
    return common::Error::validation({{"quantity", "must be 0 to 1000000000"}});
  if (quantity < current.reserved) {
    return common::Error::conflict(std::to_string(current.reserved) +
                                   " units are reserved by orders; on-hand stock cannot go below");
  }
  return {};
}

}  // namespace shop::product::models
