#pragma once
// libmongoc wants mongoc_init() once before any other call and mongoc_cleanup() once at
// the very end. The first call of ensure_driver_runtime() initializes the driver, sends
// its log messages (warnings and worse) to the JSON log, and arranges the cleanup at
// process exit; later calls do nothing.

namespace shop::common::mongo {

void ensure_driver_runtime();

}  // namespace shop::common::mongo
