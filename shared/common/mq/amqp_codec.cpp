#include "common/mq/amqp_codec.hpp"

#include <limits>

namespace shop::common::mq::detail {

amqp_bytes_t bytes(std::string_view text) { return {text.size(), const_cast<char*>(text.data())}; }

std::string text(amqp_bytes_t value) { return {static_cast<const char*>(value.bytes), value.len}; }

std::string close_reason(const amqp_method_t& method) {
  if (method.id == AMQP_CONNECTION_CLOSE_METHOD) {
    const auto* close = static_cast<const amqp_connection_close_t*>(method.decoded);
    return "the broker closed the connection: " + std::to_string(close->reply_code) + " " +
           text(close->reply_text);
  }
  if (method.id == AMQP_CHANNEL_CLOSE_METHOD) {
    const auto* close = static_cast<const amqp_channel_close_t*>(method.decoded);
    return "the broker closed the channel: " + std::to_string(close->reply_code) + " " +
           text(close->reply_text);
  }
  return std::string("unexpected method ") + amqp_method_name(method.id);
}

std::string describe_reply(const amqp_rpc_reply_t& reply) {
  switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
      return "ok";
    case AMQP_RESPONSE_NONE:
      return "no reply";
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
      return amqp_error_string2(reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION:
      return close_reason(reply.reply);
  }
  return "unknown reply";
}

Headers decode_headers(const amqp_table_t& table) {
  Headers headers;
  for (int i = 0; i < table.num_entries; ++i) {
    const amqp_table_entry_t& entry = table.entries[i];
    const amqp_field_value_t& value = entry.value;
    std::string key = text(entry.key);
    switch (value.kind) {
      case AMQP_FIELD_KIND_UTF8:
      case AMQP_FIELD_KIND_BYTES:
        headers.emplace(std::move(key), text(value.value.bytes));
        break;
      case AMQP_FIELD_KIND_I8:
        headers.emplace(std::move(key), std::int64_t{value.value.i8});
        break;
      case AMQP_FIELD_KIND_U8:
        headers.emplace(std::move(key), std::int64_t{value.value.u8});
        break;
      case AMQP_FIELD_KIND_I16:
        headers.emplace(std::move(key), std::int64_t{value.value.i16});
        break;
      case AMQP_FIELD_KIND_U16:
        headers.emplace(std::move(key), std::int64_t{value.value.u16});
        break;
      case AMQP_FIELD_KIND_I32:
        headers.emplace(std::move(key), std::int64_t{value.value.i32});
        break;
      case AMQP_FIELD_KIND_U32:
        headers.emplace(std::move(key), std::int64_t{value.value.u32});
        break;
      case AMQP_FIELD_KIND_I64:
        headers.emplace(std::move(key), std::int64_t{value.value.i64});
        break;
      case AMQP_FIELD_KIND_U64:
        if (value.value.u64 <=
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
          headers.emplace(std::move(key), static_cast<std::int64_t>(value.value.u64));
        }
        break;
      default:
        break;  // types this library never writes
    }
  }
  return headers;
}

std::vector<amqp_table_entry_t> encode_headers(const Headers& headers) {
  std::vector<amqp_table_entry_t> entries;
  entries.reserve(headers.size());
  for (const auto& [name, value] : headers) {
    amqp_table_entry_t entry{};
    entry.key = bytes(name);
    if (const auto* string_value = std::get_if<std::string>(&value)) {
      entry.value.kind = AMQP_FIELD_KIND_UTF8;
      entry.value.value.bytes = bytes(*string_value);
    } else {
      entry.value.kind = AMQP_FIELD_KIND_I64;
      entry.value.value.i64 = std::get<std::int64_t>(value);
    }
    entries.push_back(entry);
  }
  return entries;
}

Delivery to_delivery(const amqp_envelope_t& envelope) {
  Delivery delivery;
  delivery.delivery_tag = envelope.delivery_tag;
  delivery.exchange = text(envelope.exchange);
  delivery.routing_key = text(envelope.routing_key);
  delivery.redelivered = envelope.redelivered != 0;
  delivery.body = text(envelope.message.body);
  const amqp_basic_properties_t& properties = envelope.message.properties;
  if ((properties._flags & AMQP_BASIC_CONTENT_TYPE_FLAG) != 0) {
    delivery.content_type = text(properties.content_type);
  }
  if ((properties._flags & AMQP_BASIC_MESSAGE_ID_FLAG) != 0) {
    delivery.message_id = text(properties.message_id);
  }
  if ((properties._flags & AMQP_BASIC_HEADERS_FLAG) != 0) {
    delivery.headers = decode_headers(properties.headers);
  }
  return delivery;
}

}  // namespace shop::common::mq::detail
