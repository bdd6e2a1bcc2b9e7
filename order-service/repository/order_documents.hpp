#pragma once
// Orders and their log entries as documents of the MongoDB-API store. The projection
// document of an order is the same rendering as the order inside its "placed" entry,
// so both read back with one function.

#include <boost/json/object.hpp>

#include "common/errors.hpp"
#include "models/order_log.hpp"

namespace shop::order::repository {

boost::json::object order_document(const models::Order& order);
common::Result<models::Order> read_order(const boost::json::object& document);

boost::json::object entry_document(const models::LogEntry& entry);
common::Result<models::LogEntry> read_entry(const boost::json::object& document);

}  // namespace shop::order::repository
