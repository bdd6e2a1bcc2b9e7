#pragma once
// What the event planner reads and writes, all on the transaction that also records the
// event in the inbox: either every delivery an event implies is stored, or none is.

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/db/connection.hpp"
#include "common/errors.hpp"

namespace shop::notification::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct Contact {
  std::string user_id{};
  std::string email{};
  std::string name{};
};

struct PushTarget {
  std::string subscription_id{};
  std::string user_id{};
};

struct WebhookTarget {
  std::string webhook_id{};
  std::string owner_id{};
};

struct NewDelivery {
  std::string user_id{};  // empty: nobody's in particular
  std::string channel{};  // email, push, webhook
  std::string target{};
  std::string event_id{};
  std::string event_type{};
  std::string template_name{};
  std::string order_id{};
  std::string subject{};
  std::string body{};
  std::string html{};
};

// Moves the aggregate's position to `sequence`; false when the position was there
// already or beyond (the event is stale). Locks the position until commit.
Task<bool> advance_position(common::db::Connection& tx, const std::string& source,
                            const std::string& subject, std::int64_t sequence);

Task<void> save_contact(common::db::Connection& tx, const Contact& contact);
Task<std::optional<Contact>> find_contact(common::db::Connection& tx, const std::string& user_id);

Task<std::vector<PushTarget>> push_targets(common::db::Connection& tx,
                                           const std::vector<std::string>& user_ids);

// Enabled webhooks that subscribe to `event_type` and belong to one of `user_ids` or to
// an admin.
Task<std::vector<WebhookTarget>> webhook_targets(common::db::Connection& tx,
                                                 const std::string& event_type,
                                                 const std::vector<std::string>& user_ids);

// A delivery planned before (same event, channel and target) is left as it is.
Task<void> add_delivery(common::db::Connection& tx, const NewDelivery& delivery);

}  // namespace shop::notification::repository
