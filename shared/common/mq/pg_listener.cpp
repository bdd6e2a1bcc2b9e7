#include "common/mq/pg_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <memory>

#include "common/observability/logger.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::mq {
namespace {

// How often the wait for notifications looks up to see whether to stop.
constexpr int kPollMillis = 200;
constexpr const char* kConnectTimeoutSeconds = "5";

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

Connection connect(const std::string& conninfo) {
  // The conninfo (keywords or URI) is expanded first; the keywords after it add to it.
  const char* keywords[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {conninfo.c_str(), kConnectTimeoutSeconds, "shop-outbox-listener",
                          nullptr};
  return Connection(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
}

bool listen(PGconn* connection, const std::string& channel) {
  const std::string sql = "LISTEN " + channel;
  PGresult* result = PQexec(connection, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  return ok;
}

// Drains what arrived; true if it held at least one notification.
bool drain_notifications(PGconn* connection) {
  bool any = false;
  while (PGnotify* notification = PQnotifies(connection)) {
    PQfreemem(notification);
    any = true;
  }
  return any;
}

}  // namespace

PgListener::PgListener(std::string conninfo, std::string channel, std::function<void()> notified)
    : conninfo_(std::move(conninfo)),
      channel_(std::move(channel)),
      notified_(std::move(notified)) {}

PgListener::~PgListener() { stop(); }

void PgListener::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

void PgListener::request_stop() {
  if (thread_.joinable()) thread_.request_stop();
}

void PgListener::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

void PgListener::pause(const std::stop_token& stop, std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wakeup_.wait_for(lock, stop, duration, [] { return false; });
}

void PgListener::run(const std::stop_token& stop) {
  const resilience::Backoff backoff(
      {.base = std::chrono::milliseconds(200), .cap = std::chrono::milliseconds(5000)});
  int failures = 0;
  while (!stop.stop_requested()) {
    Connection connection = connect(conninfo_);
    if (PQstatus(connection.get()) != CONNECTION_OK || !listen(connection.get(), channel_)) {
      if (failures == 0) {
        obs::warn("outbox listener cannot LISTEN; the relay falls back to polling",
                  {{"error", PQerrorMessage(connection.get())}});
      }
      pause(stop, backoff.delay(failures++));
      continue;
    }
    failures = 0;
    notified_();  // whatever was committed while we were not listening
    const int socket = PQsocket(connection.get());
    while (!stop.stop_requested()) {
      pollfd watched{socket, POLLIN, 0};
      const int ready = ::poll(&watched, 1, kPollMillis);
      if (ready < 0 && errno != EINTR) break;
      if (ready <= 0) continue;
      if (PQconsumeInput(connection.get()) == 0) break;  // the server went away
      if (drain_notifications(connection.get())) notified_();
    }
  }
}

}  // namespace shop::common::mq
