#pragma once
// Where a write puts the events it implies: inside the caller's transaction, so the
// state change and its events commit together or not at all.

#include <boost/asio/awaitable.hpp>

#include "common/db/connection.hpp"
#include "common/errors.hpp"
#include "common/observability/trace_context.hpp"
#include "models/events.hpp"

namespace shop::product::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

// Who asked for a change: its events continue the caller's trace.
struct WriteContext {
  std::optional<common::obs::TraceContext> trace;
};

class EventOutbox {
 public:
  virtual ~EventOutbox() = default;
  virtual Task<void> append(common::db::Connection& transaction, const models::DomainEvent& event,
                            const WriteContext& context) = 0;
};

}  // namespace shop::product::repository
