// With no usable server, every operation ends in kUnavailable once the configured
// timeout has passed, and not much later: the driver's server selection gives up then.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json/object.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "common/mongo/database.hpp"
#include "support/io_runner.hpp"

namespace shop::common::mongo {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
namespace tcp = boost::asio::ip;

constexpr auto kTimeout = 700ms;
// Scheduling and the driver's own bookkeeping on a loaded 2-core machine.
constexpr auto kSlack = 800ms;

std::shared_ptr<Database> database_on(unsigned short port) {
  auto database =
      Database::create({.uri = "mongodb://127.0.0.1:" + std::to_string(port) + "/shop_test",
                        .threads = 2,
                        .timeout = kTimeout});
  EXPECT_TRUE(database) << database.error().detail;
  return database ? *database : nullptr;
}

template <class T>
void expect_unavailable_in_time(boost::asio::awaitable<Result<T>> operation) {
  boost::asio::io_context io;
  const auto started = Clock::now();
  auto outcome = shop::testing::run_one(io, 2, std::move(operation));
  const auto elapsed = Clock::now() - started;
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::kUnavailable) << outcome.error().detail;
  EXPECT_LT(elapsed, kTimeout + kSlack)
      << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms";
}

TEST(MongoUnreachableServer, NothingListeningGivesUnavailableWithinTheTimeout) {
  boost::asio::io_context scratch;
  unsigned short port = 0;
  {
    tcp::tcp::acceptor probe(scratch, {tcp::make_address("127.0.0.1"), 0});
    port = probe.local_endpoint().port();
  }  // closed again: connections to the port are refused
  auto db = database_on(port);
  ASSERT_NE(db, nullptr);
  expect_unavailable_in_time(db->ping());
  expect_unavailable_in_time(db->insert_one("events", boost::json::object{{"seq", 1}}));
}

TEST(MongoUnreachableServer, AServerThatNeverAnswersGivesUnavailableWithinTheTimeout) {
  // The kernel completes the TCP handshakes on the listening socket, but nobody accepts
  // them, so the driver's hello goes unanswered.
  boost::asio::io_context scratch;
  tcp::tcp::acceptor silent(scratch, {tcp::make_address("127.0.0.1"), 0});
  auto db = database_on(silent.local_endpoint().port());
  ASSERT_NE(db, nullptr);
  expect_unavailable_in_time(db->find("events", boost::json::object{}));
  expect_unavailable_in_time(db->count("events", boost::json::object{}));
}

}  // namespace
}  // namespace shop::common::mongo
