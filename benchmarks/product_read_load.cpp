// Product reads per second straight to product-service's gRPC GetProduct, without the
// gateway: `concurrency` callers, each with one call in flight at a time, reading the
// same product for `seconds`, spread round-robin over `channels` HTTP/2 connections.
//
//   product_read_load <grpc address> <concurrency> <channels> <seconds> <product id>
//
// Prints requests/s, p50/p99 latency and the failures, one line, like reservation_load.
//
// Connections: wrk keeps one HTTP/1.1 request in flight on each of its connections, so
// "256 connections" there means 256 TCP connections and 256 requests in flight. gRPC
// multiplexes: 256 calls in flight may share one HTTP/2 connection. Both ends are worth
// measuring, and scripts/benchmark-gateway.sh runs both:
//   1 channel     what the gateway itself does: it keeps one channel to each
//                 product-service instance and multiplexes every call on it, so this is
//                 the gateway's own upstream hop with the gateway taken away;
//   256 channels  one connection per caller, as wrk has: 256 independent clients.
// Each channel is opened with a connection of its own (open_own_channel), and all are
// connected before the clock starts.

#include <grpcpp/channel.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "common/grpc/channel.hpp"
#include "common/grpc/generic_client.hpp"
#include "load_run.hpp"
#include "proto/product.pb.h"

namespace {

const std::string kGetProduct = "/shop.product.v1.ProductService/GetProduct";
constexpr std::chrono::seconds kConnectTimeout{10};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: product_read_load <grpc address> <concurrency> <channels> <seconds> "
                 "<product id>\n";
    return 2;
  }
  const std::string address = argv[1];
  const int concurrency = std::atoi(argv[2]);
  const int channels = std::atoi(argv[3]);
  const int seconds = std::atoi(argv[4]);
  if (concurrency < 1 || channels < 1 || seconds < 1) {
    std::cerr << "product_read_load: concurrency, channels and seconds must be positive\n";
    return 2;
  }
  shop::product::v1::GetProductRequest request;
  request.set_id(argv[5]);
  const auto body = request.SerializeAsString();

  std::vector<std::unique_ptr<shop::common::grpc_glue::GenericClient>> clients;
  const auto connect_by = std::chrono::system_clock::now() + kConnectTimeout;
  for (int i = 0; i < channels; ++i) {
    auto channel = shop::common::grpc_glue::open_own_channel(address);
    if (!channel->WaitForConnected(connect_by)) {
      std::cerr << "product_read_load: no connection to " << address << '\n';
      return 1;
    }
    clients.push_back(std::make_unique<shop::common::grpc_glue::GenericClient>(std::move(channel)));
  }

  const auto summary =
      shop::bench::run_load(concurrency, std::chrono::seconds(seconds), [&](int i) {
        return shop::bench::Caller{.client = clients[static_cast<std::size_t>(i % channels)].get(),
                                   .method = kGetProduct,
                                   .request = [body](long) { return std::string(body); }};
      });
  shop::bench::print_summary(std::cout, "requests/s", summary);
  return summary.failed == 0 ? 0 : 1;
}
