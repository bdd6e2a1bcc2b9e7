#include <algorithm>

#include "repository/pg_repositories.hpp"
#include "repository/product_rows.hpp"

namespace shop::product::repository {
namespace {

using common::Error;
namespace db = common::db;
using models::ReservationStatus;

constexpr std::string_view kLockLevel =
    "SELECT i.on_hand, i.reserved FROM inventory i JOIN products p ON p.id = i.product_id "
    "WHERE i.product_id = $1::uuid AND p.deleted_at IS NULL FOR UPDATE OF i";
constexpr std::string_view kSetOnHand =
    "UPDATE inventory SET on_hand = $2, updated_at = now() WHERE product_id = $1::uuid "
    "RETURNING low_stock_threshold";
constexpr std::string_view kTakeWaitlist =
    "DELETE FROM waitlist WHERE product_id = $1::uuid RETURNING user_id::text";
const std::string kInsertReservation =
    "INSERT INTO reservations (order_id, status, expires_at) "
    "VALUES ($1, $2, now() + make_interval(secs => $3)) "
    "ON CONFLICT (order_id) DO NOTHING RETURNING " +
    utc_text("expires_at");
// The condition on available stock is what prevents overselling: concurrent reservers
// of one product queue on its row lock and each sees the stock the previous one left.
constexpr std::string_view kReserveLine =
    "UPDATE inventory i SET reserved = i.reserved + $2, updated_at = now() FROM products p "
    "WHERE i.product_id = $1::uuid AND p.id = i.product_id AND p.deleted_at IS NULL "
    "AND i.on_hand - i.reserved >= $2 "
    "RETURNING p.price_cents, p.currency, p.name, i.on_hand - i.reserved, i.low_stock_threshold";
constexpr std::string_view kAvailable =
    "SELECT i.on_hand - i.reserved FROM inventory i JOIN products p ON p.id = i.product_id "
    "WHERE i.product_id = $1::uuid AND p.deleted_at IS NULL";
constexpr std::string_view kInsertLine =
    "INSERT INTO reservation_items (order_id, product_id, quantity, unit_price_cents, currency, "
    "name) VALUES ($1, $2::uuid, $3, $4, $5, $6)";
const std::string kLockReservation = "SELECT status, " + utc_text("expires_at") +
                                     " FROM reservations WHERE order_id = $1 FOR UPDATE";
constexpr std::string_view kSelectLines =
    "SELECT product_id::text, quantity, unit_price_cents, currency, name FROM reservation_items "
    "WHERE order_id = $1 ORDER BY product_id";
constexpr std::string_view kSetStatus =
    "UPDATE reservations SET status = $2, updated_at = now() WHERE order_id = $1";
constexpr std::string_view kInsertTombstone =
    "INSERT INTO reservations (order_id, status, expires_at) VALUES ($1, 'released', now()) "
    "ON CONFLICT (order_id) DO NOTHING";
constexpr std::string_view kCommitLine =
    "UPDATE inventory SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = now() "
    "WHERE product_id = $1::uuid";
constexpr std::string_view kReleaseLine =
    "UPDATE inventory SET reserved = reserved - $2, updated_at = now() "
    "WHERE product_id = $1::uuid RETURNING on_hand - reserved";
constexpr std::string_view kReturnLine =
    "UPDATE inventory SET on_hand = on_hand + $2, updated_at = now() "
    "WHERE product_id = $1::uuid RETURNING on_hand - reserved";
constexpr std::string_view kLockDueReservation =
    "SELECT order_id FROM reservations WHERE status = 'reserved' AND expires_at < now() "
    "ORDER BY expires_at LIMIT 1 FOR UPDATE SKIP LOCKED";
constexpr std::string_view kProductIsLive =
    "SELECT COALESCE(i.on_hand - i.reserved, 0) FROM products p "
    "LEFT JOIN inventory i ON i.product_id = p.id WHERE p.id = $1::uuid AND p.deleted_at IS NULL";
const std::string kJoinWaitlist =
    "INSERT INTO waitlist (product_id, user_id) VALUES ($1::uuid, $2::uuid) "
    "ON CONFLICT (product_id, user_id) DO UPDATE SET product_id = EXCLUDED.product_id "
    "RETURNING " +
    utc_text("created_at");
constexpr std::string_view kLeaveWaitlist =
    "DELETE FROM waitlist WHERE product_id = $1::uuid AND user_id = $2::uuid";

// Tells the people waiting that a product is available again, and lets them go.
Task<void> serve_waitlist(EventOutbox& outbox, db::Connection& connection,
                          const std::string& product_id, std::int64_t available,
                          const WriteContext& context) {
  auto waiting = co_await connection.query(kTakeWaitlist, db::make_params(product_id));
  if (!waiting) co_return waiting.error();
  std::vector<std::string> user_ids;
  for (const auto& row : *waiting) user_ids.emplace_back(row.text(0));
  std::sort(user_ids.begin(), user_ids.end());
  const auto event = models::back_in_stock(product_id, available, user_ids);
  co_return co_await outbox.append(connection, event, context);
}

// The reservation with its row locked and its lines; nullopt when there is none.
Task<std::optional<models::Reservation>> lock_reservation(db::Connection& connection,
                                                          const std::string& order_id) {
  auto head = co_await connection.query(kLockReservation, db::make_params(order_id));
  if (!head) co_return head.error();
  if (head->empty()) co_return std::nullopt;
  const auto status = models::parse_reservation_status((*head)[0].text(0));
  if (!status) co_return Error::internal("reservation " + order_id + " has an unknown status");
  auto lines = co_await connection.query(kSelectLines, db::make_params(order_id));
  if (!lines) co_return lines.error();
  models::Reservation reservation{order_id, *status, {}, std::string((*head)[0].text(1))};
  for (const auto& row : *lines) {
    reservation.items.push_back({std::string(row.text(0)), row.int64(1), row.int64(2),
                                 std::string(row.text(3)), std::string(row.text(4))});
  }
  co_return reservation;
}

Error insufficient_stock(const std::string& product_id, std::int64_t available,
                         std::int64_t wanted) {
  return Error{
      common::ErrorCode::kConflict,
      "not enough stock: nothing was reserved",
      {{"items." + product_id, "only " + std::to_string(std::max<std::int64_t>(0, available)) +
                                   " available, " + std::to_string(wanted) + " wanted"}}};
}

// Why a line could not be reserved: the product is gone, or its stock is short.
Task<void> explain_refusal(db::Connection& connection, const models::StockRequestLine& line) {
  auto available = co_await connection.query(kAvailable, db::make_params(line.product_id));
  if (!available) co_return available.error();
  if (available->empty()) co_return Error::not_found("no such product: " + line.product_id);
  co_return insufficient_stock(line.product_id, (*available)[0].int64(0), line.quantity);
}

// Moves a locked reservation to `status` and records the event that says so.
Task<void> record_status(EventOutbox& outbox, db::Connection& connection,
                         models::Reservation& reservation, ReservationStatus status,
                         const char* event_type, const WriteContext& context) {
  const auto status_text = std::string(models::to_string(status));
  auto updated =
      co_await connection.query(kSetStatus, db::make_params(reservation.order_id, status_text));
  if (!updated) co_return updated.error();
  reservation.status = status;
  const auto event = models::reservation_event(event_type, reservation);
  co_return co_await outbox.append(connection, event, context);
}

// A reservation locked for an operation, and whether the operation has work to do on it.
struct Decided {
  models::Reservation reservation;
  bool apply = false;
};

// Locks the reservation of `order_id` and asks `decide` what the operation does to it:
// kNotFound when the order has none, kConflict when the operation is refused.
Task<Decided> lock_and_decide(db::Connection& connection, const std::string& order_id,
                              models::Transition (*decide)(ReservationStatus)) {
  auto locked = co_await lock_reservation(connection, order_id);
  if (!locked) co_return locked.error();
  if (!*locked) co_return Error::not_found("no reservation for order " + order_id);
  auto& reservation = **locked;
  auto apply = models::must_apply(decide(reservation.status), reservation.status);
  if (!apply) co_return apply.error();
  co_return Decided{std::move(reservation), *apply};
}

// One way a reservation's units become available again. `line_sql` takes a product id
// and a quantity and returns the product's available units after the change.
struct GiveBack {
  std::string_view line_sql;
  ReservationStatus final_status;
  const char* event_type;
};
// Still reserved: the units it holds go back to the other buyers.
constexpr GiveBack kRelease{kReleaseLine, ReservationStatus::kReleased,
                            models::event_type::kStockReleased};
constexpr GiveBack kExpiry{kReleaseLine, ReservationStatus::kExpired,
                           models::event_type::kStockReleased};
// Committed: the goods sold come back on hand.
constexpr GiveBack kReturn{kReturnLine, ReservationStatus::kReturned,
                           models::event_type::kStockReturned};

// Makes a locked reservation's units available again as `how` says, serves the waitlist
// of each product that comes back, and records the final status.
Task<void> give_back(EventOutbox& outbox, db::Connection& connection,
                     models::Reservation& reservation, const GiveBack& how,
                     const WriteContext& context) {
  for (const auto& line : reservation.items) {
    auto given =
        co_await connection.query(how.line_sql, db::make_params(line.product_id, line.quantity));
    if (!given) co_return given.error();
    const auto after = (*given)[0].int64(0);
    if (models::is_back_in_stock(after - line.quantity, after)) {
      if (auto served =
              co_await serve_waitlist(outbox, connection, line.product_id, after, context);
          !served)
        co_return served.error();
    }
  }
  co_return co_await record_status(outbox, connection, reservation, how.final_status,
                                   how.event_type, context);
}

}  // namespace

Task<InventoryLevel> PgInventoryRepository::set_on_hand(const std::string& product_id,
                                                        std::int64_t quantity,
                                                        WriteContext context) {
  auto body = [this, product_id, quantity,
               context](db::Connection& connection) -> Task<InventoryLevel> {
    auto locked = co_await connection.query(kLockLevel, db::make_params(product_id));
    if (!locked) co_return locked.error();
    if (locked->empty()) co_return Error::not_found("no such product");
    const models::StockLevel before{(*locked)[0].int64(0), (*locked)[0].int64(1)};
    if (auto allowed = models::check_new_on_hand(quantity, before); !allowed)
      co_return allowed.error();
    auto set = co_await connection.query(kSetOnHand, db::make_params(product_id, quantity));
    if (!set) co_return set.error();
    const models::StockLevel after{quantity, before.reserved};
    if (models::is_back_in_stock(before.available(), after.available())) {
      if (auto served =
              co_await serve_waitlist(*outbox_, connection, product_id, after.available(), context);
          !served)
        co_return served.error();
    }
    // The product's view (stock_available) changed: its readers, the search index
    // among them, get the new state.
    auto product = co_await select_live_product(connection, product_id);
    if (!product) co_return product.error();
    const auto updated = models::product_updated(*product);
    if (auto appended = co_await outbox_->append(connection, updated, context); !appended)
      co_return appended.error();
    const auto threshold = (*set)[0].int64(0);
    if (models::crosses_low_stock(before.available(), after.available(), threshold)) {
      const auto event = models::stock_low(product_id, after.available(), threshold);
      if (auto appended = co_await outbox_->append(connection, event, context); !appended)
        co_return appended.error();
    }
    co_return InventoryLevel{product_id, after};
  };
  co_return co_await pool_->transaction(body);
}

Task<models::Reservation> PgInventoryRepository::reserve(
    const std::string& order_id, const std::vector<models::StockRequestLine>& lines,
    std::chrono::seconds ttl, WriteContext context) {
  auto body = [this, order_id, lines, ttl,
               context](db::Connection& connection) -> Task<models::Reservation> {
    const auto reserved_text = std::string(models::to_string(ReservationStatus::kReserved));
    auto inserted = co_await connection.query(
        kInsertReservation, db::make_params(order_id, reserved_text, ttl.count()));
    if (!inserted) co_return inserted.error();
    if (inserted->empty()) {  // an earlier call's reservation: answer it unchanged
      auto existing = co_await lock_reservation(connection, order_id);
      if (!existing) co_return existing.error();
      if (!*existing) co_return Error::internal("reservation " + order_id + " vanished");
      co_return std::move(**existing);
    }
    models::Reservation reservation{
        order_id, ReservationStatus::kReserved, {}, std::string((*inserted)[0].text(0))};
    std::vector<models::DomainEvent> low_stock;
    for (const auto& line : lines) {  // sorted by product id: a fixed lock order
      auto taken =
          co_await connection.query(kReserveLine, db::make_params(line.product_id, line.quantity));
      if (!taken) co_return taken.error();
      if (taken->empty()) {
        auto refusal = co_await explain_refusal(connection, line);
        co_return refusal.error();
      }
      const auto& row = (*taken)[0];
      reservation.items.push_back({line.product_id, line.quantity, row.int64(0),
                                   std::string(row.text(1)), std::string(row.text(2))});
      const auto after = row.int64(3);
      if (models::crosses_low_stock(after + line.quantity, after, row.int64(4)))
        low_stock.push_back(models::stock_low(line.product_id, after, row.int64(4)));
      const auto& item = reservation.items.back();
      auto stored = co_await connection.query(
          kInsertLine, db::make_params(order_id, item.product_id, item.quantity,
                                       item.unit_price_cents, item.currency, item.name));
      if (!stored) co_return stored.error();
    }
    const auto event = models::reservation_event(models::event_type::kStockReserved, reservation);
    if (auto appended = co_await outbox_->append(connection, event, context); !appended)
      co_return appended.error();
    for (const auto& low : low_stock) {
      if (auto appended = co_await outbox_->append(connection, low, context); !appended)
        co_return appended.error();
    }
    co_return reservation;
  };
  co_return co_await pool_->transaction(body);
}

Task<models::Reservation> PgInventoryRepository::commit(const std::string& order_id,
                                                        WriteContext context) {
  auto body = [this, order_id, context](db::Connection& connection) -> Task<models::Reservation> {
    auto decided = co_await lock_and_decide(connection, order_id, models::on_commit);
    if (!decided) co_return decided.error();
    auto& reservation = decided->reservation;
    if (!decided->apply) co_return std::move(reservation);
    for (const auto& line : reservation.items) {
      auto committed =
          co_await connection.query(kCommitLine, db::make_params(line.product_id, line.quantity));
      if (!committed) co_return committed.error();
    }
    if (auto recorded =
            co_await record_status(*outbox_, connection, reservation, ReservationStatus::kCommitted,
                                   models::event_type::kStockCommitted, context);
        !recorded)
      co_return recorded.error();
    co_return std::move(reservation);
  };
  co_return co_await pool_->transaction(body);
}

Task<models::Reservation> PgInventoryRepository::release(const std::string& order_id,
                                                         WriteContext context) {
  auto body = [this, order_id, context](db::Connection& connection) -> Task<models::Reservation> {
    auto tombstone = co_await connection.query(kInsertTombstone, db::make_params(order_id));
    if (!tombstone) co_return tombstone.error();
    auto locked = co_await lock_reservation(connection, order_id);
    if (!locked) co_return locked.error();
    if (!*locked) co_return Error::internal("reservation " + order_id + " vanished");
    auto& reservation = **locked;
    auto apply = models::must_apply(models::on_release(reservation.status), reservation.status);
    if (!apply) co_return apply.error();
    if (*apply) {
      if (auto released = co_await give_back(*outbox_, connection, reservation, kRelease, context);
          !released)
        co_return released.error();
    }
    co_return std::move(reservation);
  };
  co_return co_await pool_->transaction(body);
}

Task<models::Reservation> PgInventoryRepository::return_stock(const std::string& order_id,
                                                              WriteContext context) {
  auto body = [this, order_id, context](db::Connection& connection) -> Task<models::Reservation> {
    auto decided = co_await lock_and_decide(connection, order_id, models::on_return);
    if (!decided) co_return decided.error();
    auto& reservation = decided->reservation;
    if (decided->apply) {
      auto returned = co_await give_back(*outbox_, connection, reservation, kReturn, context);
      if (!returned) co_return returned.error();
    }
    co_return std::move(reservation);
  };
  co_return co_await pool_->transaction(body);
}

Task<std::optional<std::string>> PgInventoryRepository::expire_one() {
  auto body = [this](db::Connection& connection) -> Task<std::optional<std::string>> {
    auto due = co_await connection.query(kLockDueReservation);
    if (!due) co_return due.error();
    if (due->empty()) co_return std::nullopt;
    const std::string order_id((*due)[0].text(0));
    auto locked = co_await lock_reservation(connection, order_id);
    if (!locked) co_return locked.error();
    if (!*locked) co_return Error::internal("reservation " + order_id + " vanished");
    const WriteContext sweeper;  // no caller: the sweeper's own doing
    auto expired = co_await give_back(*outbox_, connection, **locked, kExpiry, sweeper);
    if (!expired) co_return expired.error();
    co_return order_id;
  };
  co_return co_await pool_->transaction(body);
}

Task<WaitlistEntry> PgInventoryRepository::join_waitlist(const std::string& product_id,
                                                         const std::string& user_id) {
  auto live = co_await pool_->query(kProductIsLive, db::make_params(product_id));
  if (!live) co_return live.error();
  if (live->empty()) co_return Error::not_found("no such product");
  if ((*live)[0].int64(0) > 0)
    co_return Error::conflict("the product is in stock: it can be ordered now");
  auto joined = co_await pool_->query(kJoinWaitlist, db::make_params(product_id, user_id));
  if (!joined) co_return joined.error();
  co_return WaitlistEntry{product_id, user_id, std::string((*joined)[0].text(0))};
}

Task<void> PgInventoryRepository::leave_waitlist(const std::string& product_id,
                                                 const std::string& user_id) {
  auto left = co_await pool_->query(kLeaveWaitlist, db::make_params(product_id, user_id));
  if (!left) co_return left.error();
  co_return common::Result<void>{};
}

}  // namespace shop::product::repository
