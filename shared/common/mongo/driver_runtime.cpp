#include "common/mongo/driver_runtime.hpp"

#include <mongoc/mongoc.h>

#include <string_view>

#include "common/observability/logger.hpp"

namespace shop::common::mongo {
namespace {

// FerretDB has no endSessions command, which the driver sends whenever a pool closes.
bool harmless(std::string_view message) {
  return message.find("\"endSessions\"") != std::string_view::npos;
}

void forward_driver_log(mongoc_log_level_t level, const char* domain, const char* message,
                        void* /*user_data*/) {
  if (harmless(message)) return;
  obs::Level ours = obs::Level::kDebug;
  switch (level) {
    case MONGOC_LOG_LEVEL_ERROR:
    case MONGOC_LOG_LEVEL_CRITICAL:
      ours = obs::Level::kError;
      break;
    case MONGOC_LOG_LEVEL_WARNING:
      ours = obs::Level::kWarn;
      break;
    default:
      return;  // info, debug and trace: the driver's own chatter
  }
  obs::log(ours, "mongo driver", {{"domain", domain}, {"detail", message}});
}

class DriverRuntime {
 public:
  DriverRuntime() {
    mongoc_log_set_handler(forward_driver_log, nullptr);
    mongoc_init();
  }
  ~DriverRuntime() { mongoc_cleanup(); }
  DriverRuntime(const DriverRuntime&) = delete;
  DriverRuntime& operator=(const DriverRuntime&) = delete;
};

}  // namespace

void ensure_driver_runtime() {
  // A function-local static: initialized once even when threads race here, and destroyed
  // after every static object constructed later, so no pool kept there outlives it.
  static const DriverRuntime runtime;
}

}  // namespace shop::common::mongo
