#pragma once
// Stock arithmetic and the life of a reservation: pure rules, unit-tested exhaustively.
// The database applies the same rules atomically; these decide what to ask of it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"

namespace shop::product::models {

struct StockLevel {
  std::int64_t on_hand = 0;
  std::int64_t reserved = 0;
  std::int64_t available() const { return on_hand - reserved; }
};

enum class ReservationStatus { kReserved, kCommitted, kReleased, kExpired, kReturned };

std::string_view to_string(ReservationStatus status);
std::optional<ReservationStatus> parse_reservation_status(std::string_view text);

struct StockRequestLine {
  std::string product_id;
  std::int64_t quantity = 0;
};

struct ReservedLine {
  std::string product_id;
  std::int64_t quantity = 0;
  std::int64_t unit_price_cents = 0;
  std::string currency;
  std::string name;
};

struct Reservation {
  std::string order_id;
  ReservationStatus status = ReservationStatus::kReserved;
  std::vector<ReservedLine> items;
  std::string expires_at;
};

inline constexpr std::int64_t kMaxQuantityPerLine = 10'000;
inline constexpr std::size_t kMaxLinesPerReservation = 100;
inline constexpr std::int64_t kMaxOnHand = 1'000'000'000;

// Field errors for a reservation request: an order id, 1..100 lines, product ids that
// are UUIDs, quantities 1..10000. Lines naming the same product are merged (summed),
// and the result is sorted by product id, the order rows are locked in.
common::Result<std::vector<StockRequestLine>> normalize_reservation(
    std::string_view order_id, std::vector<StockRequestLine> lines);

// What a repeated call of each operation does to a reservation in `status`.
enum class Transition {
  kApply,        // do the work
  kAlreadyDone,  // idempotent repeat: answer the reservation as it is
  kRefuse,       // illegal: e.g. committing a released reservation, releasing a committed one
};
// A returned reservation was committed once: a late repeat of that commit (a retry
// overtaken by the cancellation) is already done and must not sell the goods again.
Transition on_commit(ReservationStatus status);
// A returned reservation holds nothing any more, so releasing it is already done.
Transition on_release(ReservationStatus status);
// Only a committed reservation has sold goods to put back on hand; one never committed
// is refused rather than answered, so a caller cannot mistake it for a return.
Transition on_return(ReservationStatus status);
// Whether to do the work (true), or answer the reservation as it is (false); a refused
// transition is a kConflict naming the status.
common::Result<bool> must_apply(Transition transition, ReservationStatus status);

// Whether a change of on-hand stock from `before` to `after` available units brings a
// product back for the people waiting for it.
bool is_back_in_stock(std::int64_t available_before, std::int64_t available_after);
// Whether a drop of available units crosses the low-stock threshold (reported once, on
// the way down, not on every sale below it).
bool crosses_low_stock(std::int64_t available_before, std::int64_t available_after,
                       std::int64_t threshold);

// Setting on-hand stock below what is reserved would take units orders already hold.
common::Result<void> check_new_on_hand(std::int64_t quantity, const StockLevel& current);

}  // namespace shop::product::models
