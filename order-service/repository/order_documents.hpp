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

// A log entry's _id, "<order id>/<seq>": FerretDB finds documents by index for updates
// by _id only, so the relay marks entries published through it.
std::string entry_id(const std::string& order_id, std::int64_t seq);
boost::json::object entry_document(const models::LogEntry& entry);
common::Result<models::LogEntry> read_entry(const boost::json::object& document);

}  // namespace shop::order::repository
