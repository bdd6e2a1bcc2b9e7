#pragma once
// Where a write puts the events it implies: inside the caller's transaction, so the
// state change and its events commit together or not at all.

#include <boost/asio/awaitable.hpp>

#include "common/db/connection.hpp"
#include "common/errors.hpp"
#include "models/events.hpp"

namespace shop::product::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

class EventOutbox {
 public:
  virtual ~EventOutbox() = default;
  virtual Task<void> append(common::db::Connection& transaction,
                            const models::DomainEvent& event) = 0;
};

}  // namespace shop::product::repository
