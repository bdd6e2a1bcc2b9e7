#include "repository/planning_sql.hpp"

#include "common/text.hpp"

namespace shop::notification::repository {
namespace {

namespace db = common::db;

constexpr std::string_view kAdvancePosition =
    "INSERT INTO aggregate_positions (source, subject, last_sequence) VALUES ($1, $2, $3) "
    "ON CONFLICT (source, subject) DO UPDATE SET last_sequence = EXCLUDED.last_sequence "
    "WHERE aggregate_positions.last_sequence < EXCLUDED.last_sequence";
constexpr std::string_view kSaveContact =
    "INSERT INTO contacts (user_id, email, name) VALUES ($1::uuid, $2, $3) "
    "ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, "
    "updated_at = now()";
constexpr std::string_view kFindContact =
    "SELECT user_id::text, email, name FROM contacts WHERE user_id = $1::uuid";
constexpr std::string_view kPushTargets =
    "SELECT id::text, user_id::text FROM push_subscriptions WHERE user_id = ANY($1::uuid[]) "
    "ORDER BY created_at";
constexpr std::string_view kWebhookTargets =
    "SELECT id::text, owner_id::text FROM webhooks "
    "WHERE enabled AND NOT deleted AND $1 = ANY(event_types) "
    "AND (owner_is_admin OR owner_id = ANY($2::uuid[])) ORDER BY created_at";
constexpr std::string_view kAddDelivery =
    "INSERT INTO deliveries (user_id, channel, target, event_id, event_type, template, "
    "order_id, subject, body, html) "
    "VALUES (NULLIF($1, '')::uuid, $2, $3, $4::uuid, $5, $6, $7, $8, $9, $10) "
    "ON CONFLICT (event_id, channel, target) DO NOTHING";

// Only ids that can be uuids reach the ::uuid[] casts: an event naming a malformed user
// must not fail the whole transaction.
std::vector<std::string> valid_uuids(const std::vector<std::string>& ids) {
  std::vector<std::string> valid;
  for (const auto& id : ids) {
    if (common::is_uuid(id)) valid.push_back(id);
  }
  return valid;
}

}  // namespace

Task<bool> advance_position(db::Connection& tx, const std::string& source,
                            const std::string& subject, std::int64_t sequence) {
  auto moved = co_await tx.query(kAdvancePosition, db::make_params(source, subject, sequence));
  if (!moved) co_return moved.error();
  co_return moved->affected_rows() == 1;
}

Task<void> save_contact(db::Connection& tx, const Contact& contact) {
  auto saved = co_await tx.query(kSaveContact,
                                 db::make_params(contact.user_id, contact.email, contact.name));
  if (!saved) co_return saved.error();
  co_return common::Result<void>{};
}

Task<std::optional<Contact>> find_contact(db::Connection& tx, const std::string& user_id) {
  if (!common::is_uuid(user_id)) co_return std::optional<Contact>{};
  auto found = co_await tx.query(kFindContact, db::make_params(user_id));
  if (!found) co_return found.error();
  if (found->empty()) co_return std::optional<Contact>{};
  const auto row = (*found)[0];
  co_return Contact{std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2))};
}

Task<std::vector<PushTarget>> push_targets(db::Connection& tx,
                                           const std::vector<std::string>& user_ids) {
  std::vector<PushTarget> targets;
  const auto ids = valid_uuids(user_ids);
  if (ids.empty()) co_return targets;
  auto found = co_await tx.query(kPushTargets, db::make_params(ids));
  if (!found) co_return found.error();
  for (const auto& row : *found)
    targets.push_back({std::string(row.text(0)), std::string(row.text(1))});
  co_return targets;
}

Task<std::vector<WebhookTarget>> webhook_targets(db::Connection& tx, const std::string& event_type,
                                                 const std::vector<std::string>& user_ids) {
  auto found =
      co_await tx.query(kWebhookTargets, db::make_params(event_type, valid_uuids(user_ids)));
  if (!found) co_return found.error();
  std::vector<WebhookTarget> targets;
  for (const auto& row : *found)
    targets.push_back({std::string(row.text(0)), std::string(row.text(1))});
  co_return targets;
}

Task<void> add_delivery(db::Connection& tx, const NewDelivery& delivery) {
  auto added = co_await tx.query(
      kAddDelivery,
      db::make_params(delivery.user_id, delivery.channel, delivery.target, delivery.event_id,
                      delivery.event_type, delivery.template_name, delivery.order_id,
                      delivery.subject, delivery.body, delivery.html));
  if (!added) co_return added.error();
  co_return common::Result<void>{};
}

}  // namespace shop::notification::repository
