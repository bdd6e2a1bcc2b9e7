#pragma once
// Conversions between rabbitmq-c's C structures and this library's values. Internal to
// shop_common_mq: only its own .cpp files include it (rabbitmq-c's headers are private).

#include <amqp.h>
#include <amqp_framing.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/mq/message.hpp"

namespace shop::common::mq::detail {

// A view of `text`, which must outlive it.
amqp_bytes_t bytes(std::string_view text);
std::string text(amqp_bytes_t value);

// The broker's reason for closing the channel or the connection.
std::string close_reason(const amqp_method_t& method);
std::string describe_reply(const amqp_rpc_reply_t& reply);

// Strings and integers; header types this library never writes are dropped.
Headers decode_headers(const amqp_table_t& table);
// Entries pointing into `headers`, which must outlive them.
std::vector<amqp_table_entry_t> encode_headers(const Headers& headers);

Delivery to_delivery(const amqp_envelope_t& envelope);

}  // namespace shop::common::mq::detail
