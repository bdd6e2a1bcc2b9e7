// With CONSUL_HTTP_ADDR empty, a service registers nothing and a watcher cannot be made.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "common/discovery/registration.hpp"
#include "common/discovery/service_watcher.hpp"

namespace shop::common::discovery {
namespace {

TEST(DiscoveryDisabledTest, RegistrationDoesNothing) {
  boost::asio::io_context io;
  auto registration = Registration::create(
      io.get_executor(), ConsulSettings{},
      {.name = "user-service", .bind_address = "127.0.0.1", .grpc_port = 50051, .http_port = 3001});
  registration->start();
  auto done = boost::asio::co_spawn(io, registration->deregister(), boost::asio::use_future);
  io.run();  // returns at once: nothing was started
  done.get();
  EXPECT_FALSE(registration->registered());
  EXPECT_EQ(registration->spec().id, "user-service-127.0.0.1-50051");
}

TEST(DiscoveryDisabledTest, AWatcherIsRefused) {
  boost::asio::io_context io;
  auto watcher = ServiceWatcher::create(io.get_executor(), ConsulSettings{}, "user-service",
                                        [](const std::vector<Instance>&) {});
  ASSERT_FALSE(watcher);
  EXPECT_EQ(watcher.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace shop::common::discovery
