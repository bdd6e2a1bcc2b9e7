#pragma once
// What every notification-service handler needs, built once in main and shared read-only.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <memory>
#include <string>

#include "common/db/pool.hpp"
#include "common/errors.hpp"
#include "common/identity/authenticator.hpp"
#include "common/mq/publisher.hpp"
#include "repository/subscriptions.hpp"

namespace shop::notification::api {

struct Deps {
  std::shared_ptr<common::db::Pool> pool;
  std::shared_ptr<repository::SubscriptionStore> subscriptions;
  std::shared_ptr<common::identity::Authenticator> authenticator;
  std::shared_ptr<common::mq::Publisher> publisher;    // for replays
  std::shared_ptr<boost::asio::thread_pool> blocking;  // DNS lookups of the SSRF guard
  std::string vapid_public_key;
  bool allow_private_targets = false;
};

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

}  // namespace shop::notification::api
