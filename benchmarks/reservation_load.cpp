// Reservations per second against product-service's gRPC ReserveStock: `concurrency`
// reservers, each reserving one unit of one product per call with a fresh order id,
// for `seconds`. Reservers are spread over the products given round-robin, so one
// product id means every reserver contends for the same row.
//
//   reservation_load <grpc address> <concurrency> <seconds> <product id>...
//
// Prints requests/s, p50/p99 latency and the failures, one line.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "common/grpc/channel.hpp"
#include "common/grpc/generic_client.hpp"
#include "proto/product.pb.h"

namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

const std::string kReserveStock = "/shop.product.v1.ProductService/ReserveStock";
constexpr std::chrono::milliseconds kCallTimeout{5000};

struct WorkerResult {
  std::vector<double> latencies_ms;
  long failures = 0;
};

asio::awaitable<WorkerResult> reserve_until(shop::common::grpc_glue::GenericClient& client,
                                            std::string prefix, std::string product_id,
                                            Clock::time_point deadline) {
  WorkerResult result;
  const shop::common::grpc_glue::CallContext context;
  for (long n = 0; Clock::now() < deadline; ++n) {
    shop::product::v1::ReserveStockRequest request;
    request.set_order_id(prefix + std::to_string(n));
    auto* item = request.add_items();
    item->set_product_id(product_id);
    item->set_quantity(1);
    auto body = request.SerializeAsString();
    const auto started = Clock::now();
    auto reply = co_await client.call(kReserveStock, std::move(body), context, kCallTimeout);
    if (reply.status.ok()) {
      result.latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    } else {
      ++result.failures;
    }
  }
  co_return result;
}

double percentile(std::vector<double>& sorted, double share) {
  if (sorted.empty()) return 0;
  return sorted[static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: reservation_load <grpc address> <concurrency> <seconds> <product id>...\n";
    return 2;
  }
  const std::string address = argv[1];
  const int concurrency = std::atoi(argv[2]);
  const int seconds = std::atoi(argv[3]);
  const std::vector<std::string> products(argv + 4, argv + argc);
  shop::common::grpc_glue::GenericClient client(shop::common::grpc_glue::open_channel(address));

  asio::io_context io;
  const auto run_id = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  const auto deadline = Clock::now() + std::chrono::seconds(seconds);
  std::vector<std::future<WorkerResult>> workers;
  for (int i = 0; i < concurrency; ++i) {
    const auto prefix = "load-" + run_id + "-" + std::to_string(i) + "-";
    workers.push_back(
        asio::co_spawn(io, reserve_until(client, prefix, products[i % products.size()], deadline),
                       asio::use_future));
  }
  std::thread helper([&io] { io.run(); });
  io.run();
  helper.join();

  std::vector<double> latencies;
  long failures = 0;
  for (auto& worker : workers) {
    auto result = worker.get();
    latencies.insert(latencies.end(), result.latencies_ms.begin(), result.latencies_ms.end());
    failures += result.failures;
  }
  std::sort(latencies.begin(), latencies.end());
  std::cout << "reservations/s " << static_cast<double>(latencies.size()) / seconds << " p50_ms "
            << percentile(latencies, 0.50) << " p99_ms " << percentile(latencies, 0.99) << " ok "
            << latencies.size() << " failed " << failures << '\n';
  return failures == 0 ? 0 : 1;
}
