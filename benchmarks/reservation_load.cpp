// Reservations per second against product-service's gRPC ReserveStock: `concurrency`
// reservers, each reserving one unit of one product per call with a fresh order id,
// for `seconds`. Reservers are spread over the products given round-robin, so one
// product id means every reserver contends for the same row.
//
//   reservation_load <grpc address> <concurrency> <seconds> <product id>...
//
// Prints requests/s, p50/p99 latency and the failures, one line.

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "common/grpc/channel.hpp"
#include "common/grpc/generic_client.hpp"
#include "load_run.hpp"
#include "proto/product.pb.h"

namespace {

const std::string kReserveStock = "/shop.product.v1.ProductService/ReserveStock";

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

  const auto run_id = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
  const auto summary =
      shop::bench::run_load(concurrency, std::chrono::seconds(seconds), [&](int i) {
        const auto prefix = "load-" + run_id + "-" + std::to_string(i) + "-";
        const auto& product_id = products[static_cast<std::size_t>(i) % products.size()];
        return shop::bench::Caller{
            .client = &client, .method = kReserveStock, .request = [prefix, product_id](long n) {
              shop::product::v1::ReserveStockRequest request;
              request.set_order_id(prefix + std::to_string(n));
              auto* item = request.add_items();
              item->set_product_id(product_id);
              item->set_quantity(1);
              return request.SerializeAsString();
            }};
      });
  shop::bench::print_summary(std::cout, "reservations/s", summary);
  return summary.failed == 0 ? 0 : 1;
}
