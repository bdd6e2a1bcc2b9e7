#include "common/db/notification_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <memory>

#include "common/observability/logger.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::db {
namespace {

// How often the wait for notifications looks up to see whether to stop.
constexpr int kPollMillis = 200;
constexpr const char* kConnectTimeoutSeconds = "5";

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;

Connection connect(const std::string& conninfo, const std::string& application_name) {
  // The conninfo (keywords or URI) is expanded first; the keywords after it add to it.
  const char* keywords[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {conninfo.c_str(), kConnectTimeoutSeconds, application_name.c_str(),
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

void drain_notifications(PGconn* connection, const ListenerCallbacks& callbacks) {
  while (PGnotify* notification = PQnotifies(connection)) {
    const std::string payload = notification->extra;
    PQfreemem(notification);
    callbacks.notified(payload);
  }
}

}  // namespace

NotificationListener::NotificationListener(std::string conninfo, std::string channel,
                                           std::string application_name,
                                           ListenerCallbacks callbacks)
    : conninfo_(std::move(conninfo)),
      channel_(std::move(channel)),
      application_name_(std::move(application_name)),
      callbacks_(std::move(callbacks)) {}

NotificationListener::~NotificationListener() { stop(); }

void NotificationListener::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

void NotificationListener::request_stop() {
  if (thread_.joinable()) thread_.request_stop();
}

void NotificationListener::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

void NotificationListener::pause(const std::stop_token& stop, std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wakeup_.wait_for(lock, stop, duration, [] { return false; });
}

void NotificationListener::run(const std::stop_token& stop) {
  const resilience::Backoff backoff(
      {.base = std::chrono::milliseconds(200), .cap = std::chrono::milliseconds(5000)});
  int failures = 0;
  while (!stop.stop_requested()) {
    Connection connection = connect(conninfo_, application_name_);
    if (PQstatus(connection.get()) != CONNECTION_OK || !listen(connection.get(), channel_)) {
      if (failures == 0) {
        obs::warn("cannot LISTEN for notifications",
                  {{"channel", channel_}, {"error", PQerrorMessage(connection.get())}});
        callbacks_.disconnected();
      }
      pause(stop, backoff.delay(failures++));
      continue;
    }
    failures = 0;
    callbacks_.connected();
    const int socket = PQsocket(connection.get());
    while (!stop.stop_requested()) {
      pollfd watched{socket, POLLIN, 0};
      const int ready = ::poll(&watched, 1, kPollMillis);
      if (ready < 0 && errno != EINTR) break;
      if (ready <= 0) continue;
      if (PQconsumeInput(connection.get()) == 0) break;  // the server went away
      drain_notifications(connection.get(), callbacks_);
    }
    callbacks_.disconnected();
  }
}

}  // namespace shop::common::db
