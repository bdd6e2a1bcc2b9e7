#include "common/mq/amqp_connection.hpp"

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <sys/time.h>

#include <algorithm>
#include <vector>

#include "common/mq/amqp_codec.hpp"

namespace shop::common::mq {
namespace {

using detail::bytes;
using detail::close_reason;
using detail::describe_reply;
using detail::encode_headers;
using detail::text;
using detail::to_delivery;

constexpr amqp_channel_t kChannel = 1;

timeval to_timeval(std::chrono::milliseconds duration) {
  const auto ms = std::max<std::int64_t>(duration.count(), 0);
  return {static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
}

std::chrono::milliseconds until(std::chrono::steady_clock::time_point deadline) {
  return std::max(std::chrono::milliseconds::zero(),
                  std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now()));
}

// rabbitmq-c's text. Its socket errors do not leave the reason in errno (a refused
// non-blocking connect reads "operation now in progress"), so none is added.
std::string status_text(int status) { return amqp_error_string2(status); }

Error amqp_error(std::string_view what, std::string_view why) {
  return Error::unavailable("AMQP " + std::string(what) + ": " + std::string(why));
}

std::string route_key(std::string_view exchange, std::string_view routing_key) {
  std::string key(exchange);
  key.push_back('\0');
  key.append(routing_key);
  return key;
}

}  // namespace

struct AmqpConnection::State {
  amqp_connection_state_t connection = nullptr;
  bool logged_in = false;
};

AmqpConnection::AmqpConnection() : state_(std::make_unique<State>()) {
  state_->connection = amqp_new_connection();
}

AmqpConnection::~AmqpConnection() {
  if (state_->connection == nullptr) return;
  // A polite close when the connection still works; the broker closes the channel with it.
  if (!broken_ && state_->logged_in) {
    amqp_connection_close(state_->connection, AMQP_REPLY_SUCCESS);
  }
  amqp_destroy_connection(state_->connection);
}

Error AmqpConnection::fail(Error error) {
  broken_ = true;
  return error;
}

Result<void> AmqpConnection::check_rpc(std::string_view what) {
  const amqp_rpc_reply_t reply = amqp_get_rpc_reply(state_->connection);
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) return {};
  return fail(amqp_error(what, describe_reply(reply)));
}

Result<void> AmqpConnection::check_status(int status, std::string_view what) {
  if (status == AMQP_STATUS_OK) return {};
  return fail(amqp_error(what, status_text(status)));
}

Result<std::unique_ptr<AmqpConnection>> AmqpConnection::open(const AmqpSettings& settings) {
  std::unique_ptr<AmqpConnection> connection(new AmqpConnection());
  if (connection->state_->connection == nullptr) {
    return amqp_error("connect", "out of memory");
  }
  if (auto logged_in = connection->login(settings); !logged_in) return logged_in.error();
  amqp_channel_open(connection->state_->connection, kChannel);
  if (auto opened = connection->check_rpc("channel.open"); !opened) return opened.error();
  return connection;
}

Result<void> AmqpConnection::login(const AmqpSettings& settings) {
  amqp_connection_state_t conn = state_->connection;
  amqp_socket_t* socket = amqp_tcp_socket_new(conn);
  if (socket == nullptr) return fail(amqp_error("connect", "cannot create a socket"));
  const AmqpAddress& address = settings.address;
  timeval connect_timeout = to_timeval(settings.connect_timeout);
  const int opened =
      amqp_socket_open_noblock(socket, address.host.c_str(), address.port, &connect_timeout);
  if (opened != AMQP_STATUS_OK) {
    return fail(amqp_error("connect to " + address.host + ":" + std::to_string(address.port),
                           status_text(opened)));
  }
  timeval rpc_timeout = to_timeval(settings.rpc_timeout);
  if (auto set =
          check_status(amqp_set_handshake_timeout(conn, &connect_timeout), "handshake timeout");
      !set) {
    return set.error();
  }
  if (auto set = check_status(amqp_set_rpc_timeout(conn, &rpc_timeout), "rpc timeout"); !set) {
    return set.error();
  }

  std::vector<amqp_table_entry_t> properties(2);
  properties[0].key = amqp_cstring_bytes("connection_name");
  properties[0].value.kind = AMQP_FIELD_KIND_UTF8;
  properties[0].value.value.bytes = bytes(settings.connection_name);
  properties[1].key = amqp_cstring_bytes("product");
  properties[1].value.kind = AMQP_FIELD_KIND_UTF8;
  properties[1].value.value.bytes = amqp_cstring_bytes("shop");
  const amqp_table_t client_properties{static_cast<int>(properties.size()), properties.data()};

  const amqp_rpc_reply_t reply = amqp_login_with_properties(
      conn, address.vhost.c_str(), 0, AMQP_DEFAULT_FRAME_SIZE,
      static_cast<int>(settings.heartbeat.count()), &client_properties, AMQP_SASL_METHOD_PLAIN,
      address.user.c_str(), address.password.c_str());
  if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
    return fail(amqp_error("login to " + describe(address), describe_reply(reply)));
  }
  state_->logged_in = true;
  return {};
}

Result<void> AmqpConnection::declare_exchange(std::string_view name, std::string_view type) {
  amqp_exchange_declare(state_->connection, kChannel, bytes(name), bytes(type), /*passive=*/0,
                        /*durable=*/1, /*auto_delete=*/0, /*internal=*/0, amqp_empty_table);
  return check_rpc("exchange.declare " + std::string(name));
}

Result<void> AmqpConnection::declare_queue(const QueueSpec& spec) {
  std::vector<amqp_table_entry_t> arguments;
  if (spec.message_ttl) {
    amqp_table_entry_t ttl{};
    ttl.key = amqp_cstring_bytes("x-message-ttl");
    ttl.value.kind = AMQP_FIELD_KIND_I64;
    ttl.value.value.i64 = spec.message_ttl->count();
    arguments.push_back(ttl);
  }
  if (spec.dead_letter_to) {
    amqp_table_entry_t exchange{};
    exchange.key = amqp_cstring_bytes("x-dead-letter-exchange");
    exchange.value.kind = AMQP_FIELD_KIND_UTF8;
    exchange.value.value.bytes = amqp_empty_bytes;  // the default exchange
    arguments.push_back(exchange);
    amqp_table_entry_t routing_key{};
    routing_key.key = amqp_cstring_bytes("x-dead-letter-routing-key");
    routing_key.value.kind = AMQP_FIELD_KIND_UTF8;
    routing_key.value.value.bytes = bytes(*spec.dead_letter_to);
    arguments.push_back(routing_key);
  }
  const amqp_table_t table{static_cast<int>(arguments.size()), arguments.data()};
  amqp_queue_declare(state_->connection, kChannel, bytes(spec.name), /*passive=*/0, /*durable=*/1,
                     /*exclusive=*/0, /*auto_delete=*/0, table);
  return check_rpc("queue.declare " + spec.name);
}

Result<void> AmqpConnection::bind_queue(std::string_view queue, std::string_view exchange,
                                        std::string_view routing_key) {
  amqp_queue_bind(state_->connection, kChannel, bytes(queue), bytes(exchange), bytes(routing_key),
                  amqp_empty_table);
  return check_rpc("queue.bind " + std::string(queue) + " " + std::string(routing_key));
}

Result<void> AmqpConnection::enable_confirms() {
  amqp_confirm_select(state_->connection, kChannel);
  if (auto selected = check_rpc("confirm.select"); !selected) return selected;
  confirms_ = true;
  return {};
}

Result<void> AmqpConnection::set_prefetch(std::uint16_t count) {
  amqp_basic_qos(state_->connection, kChannel, 0, count, /*global=*/0);
  return check_rpc("basic.qos");
}

Result<void> AmqpConnection::start_consuming(std::string_view queue) {
  amqp_basic_consume(state_->connection, kChannel, bytes(queue), amqp_empty_bytes, /*no_local=*/0,
                     /*no_ack=*/0, /*exclusive=*/0, amqp_empty_table);
  return check_rpc("basic.consume " + std::string(queue));
}

Result<std::uint32_t> AmqpConnection::message_count(std::string_view queue) {
  const amqp_queue_declare_ok_t* declared =
      amqp_queue_declare(state_->connection, kChannel, bytes(queue), /*passive=*/1, /*durable=*/0,
                         /*exclusive=*/0, /*auto_delete=*/0, amqp_empty_table);
  if (auto checked = check_rpc("queue.declare passive " + std::string(queue)); !checked) {
    return checked.error();
  }
  return declared->message_count;
}

Result<void> AmqpConnection::delete_queue(std::string_view queue) {
  amqp_queue_delete(state_->connection, kChannel, bytes(queue), /*if_unused=*/0, /*if_empty=*/0);
  return check_rpc("queue.delete " + std::string(queue));
}

Result<std::uint64_t> AmqpConnection::publish(const OutgoingMessage& message) {
  if (broken_) return amqp_error("publish", "the connection is broken");
  amqp_basic_properties_t properties{};
  properties._flags = AMQP_BASIC_DELIVERY_MODE_FLAG;
  properties.delivery_mode = message.persistent ? 2 : 1;
  if (!message.content_type.empty()) {
    properties._flags |= AMQP_BASIC_CONTENT_TYPE_FLAG;
    properties.content_type = bytes(message.content_type);
  }
  if (!message.message_id.empty()) {
    properties._flags |= AMQP_BASIC_MESSAGE_ID_FLAG;
    properties.message_id = bytes(message.message_id);
  }
  std::vector<amqp_table_entry_t> headers = encode_headers(message.headers);
  if (!headers.empty()) {
    properties._flags |= AMQP_BASIC_HEADERS_FLAG;
    properties.headers = {static_cast<int>(headers.size()), headers.data()};
  }
  const int status = amqp_basic_publish(state_->connection, kChannel, bytes(message.exchange),
                                        bytes(message.routing_key), message.mandatory ? 1 : 0,
                                        /*immediate=*/0, &properties, bytes(message.body));
  if (auto sent = check_status(status, "basic.publish"); !sent) return sent.error();
  if (!confirms_) return std::uint64_t{0};
  const std::uint64_t tag = next_tag_++;
  unsettled_.insert(tag);
  if (message.mandatory) mandatory_.emplace(tag, route_key(message.exchange, message.routing_key));
  return tag;
}

void AmqpConnection::settle(std::uint64_t tag, bool multiple, Confirm confirm) {
  const auto settle_one = [&](std::uint64_t one) {
    // A returned message is still acked afterwards; the return is what counts.
    settled_[one] = returned_.erase(one) > 0 ? Confirm::kReturned : confirm;
    mandatory_.erase(one);
  };
  if (!multiple) {
    if (unsettled_.erase(tag) > 0) settle_one(tag);
    return;
  }
  for (auto it = unsettled_.begin(); it != unsettled_.end() && *it <= tag;) {
    settle_one(*it);
    it = unsettled_.erase(it);
  }
}

Result<void> AmqpConnection::handle_frame(const void* raw) {
  const auto& frame = *static_cast<const amqp_frame_t*>(raw);
  if (frame.frame_type != AMQP_FRAME_METHOD) return {};
  const amqp_method_t& method = frame.payload.method;
  switch (method.id) {
    case AMQP_BASIC_ACK_METHOD: {
      const auto* ack = static_cast<const amqp_basic_ack_t*>(method.decoded);
      settle(ack->delivery_tag, ack->multiple != 0, Confirm::kAck);
      return {};
    }
    case AMQP_BASIC_NACK_METHOD: {
      const auto* nack = static_cast<const amqp_basic_nack_t*>(method.decoded);
      settle(nack->delivery_tag, nack->multiple != 0, Confirm::kNack);
      return {};
    }
    case AMQP_BASIC_RETURN_METHOD: {
      // A return names no delivery tag, only where the message was sent. The broker
      // handles a channel's messages in order and returns one before confirming it, but
      // may hold back the acks of earlier ones: the returned message is the oldest
      // unsettled mandatory one sent to the same place and not returned yet.
      const auto* returned = static_cast<const amqp_basic_return_t*>(method.decoded);
      const std::string key = route_key(text(returned->exchange), text(returned->routing_key));
      for (const auto& [tag, sent_to] : mandatory_) {
        if (sent_to == key && !returned_.contains(tag)) {
          returned_.insert(tag);
          break;
        }
      }
      amqp_message_t message;
      const amqp_rpc_reply_t reply =
          amqp_read_message(state_->connection, frame.channel, &message, 0);
      if (reply.reply_type != AMQP_RESPONSE_NORMAL) {
        return fail(amqp_error("basic.return", describe_reply(reply)));
      }
      amqp_destroy_message(&message);
      return {};
    }
    case AMQP_BASIC_CANCEL_METHOD:
      return fail(amqp_error("consume", "the broker cancelled the consumer (queue deleted?)"));
    case AMQP_CHANNEL_CLOSE_METHOD:
    case AMQP_CONNECTION_CLOSE_METHOD:
      return fail(amqp_error("connection", close_reason(method)));
    default:
      return {};
  }
}

Result<std::map<std::uint64_t, Confirm>> AmqpConnection::wait_for_confirms(
    std::chrono::steady_clock::time_point deadline) {
  while (!unsettled_.empty()) {
    if (broken_) return amqp_error("confirm", "the connection is broken");
    amqp_maybe_release_buffers(state_->connection);
    amqp_frame_t frame;
    timeval timeout = to_timeval(until(deadline));
    const int status = amqp_simple_wait_frame_noblock(state_->connection, &frame, &timeout);
    if (status == AMQP_STATUS_TIMEOUT) {
      return fail(Error::deadline_exceeded("AMQP confirm: " + std::to_string(unsettled_.size()) +
                                           " message(s) not confirmed in time"));
    }
    if (auto read = check_status(status, "confirm"); !read) return read.error();
    if (auto handled = handle_frame(&frame); !handled) return handled.error();
  }
  return std::exchange(settled_, {});
}

Result<std::optional<Delivery>> AmqpConnection::receive(std::chrono::milliseconds timeout) {
  if (broken_) return amqp_error("receive", "the connection is broken");
  amqp_maybe_release_buffers(state_->connection);
  amqp_envelope_t envelope;
  timeval wait = to_timeval(timeout);
  const amqp_rpc_reply_t reply = amqp_consume_message(state_->connection, &envelope, &wait, 0);
  if (reply.reply_type == AMQP_RESPONSE_NORMAL) {
    Delivery delivery = to_delivery(envelope);
    amqp_destroy_envelope(&envelope);
    return std::optional<Delivery>(std::move(delivery));
  }
  if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
      reply.library_error == AMQP_STATUS_TIMEOUT) {
    return std::optional<Delivery>();
  }
  if (reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
      reply.library_error == AMQP_STATUS_UNEXPECTED_STATE) {
    // Something other than a delivery arrived; it is buffered, so this read does not block.
    amqp_frame_t frame;
    if (auto read = check_status(amqp_simple_wait_frame(state_->connection, &frame), "receive");
        !read) {
      return read.error();
    }
    if (auto handled = handle_frame(&frame); !handled) return handled.error();
    return std::optional<Delivery>();
  }
  return fail(amqp_error("receive", describe_reply(reply)));
}

Result<void> AmqpConnection::ack(std::uint64_t delivery_tag) {
  if (broken_) return amqp_error("basic.ack", "the connection is broken");
  return check_status(amqp_basic_ack(state_->connection, kChannel, delivery_tag, 0), "basic.ack");
}

Result<void> AmqpConnection::reject(std::uint64_t delivery_tag, bool requeue) {
  if (broken_) return amqp_error("basic.reject", "the connection is broken");
  return check_status(
      amqp_basic_reject(state_->connection, kChannel, delivery_tag, requeue ? 1 : 0),
      "basic.reject");
}

}  // namespace shop::common::mq
