#pragma once
// What the gRPC load generators share: `concurrency` callers, each making one unary call
// after another (one in flight per caller) until the time is up, on two event-loop
// threads (the machine's two cores, as wrk -t2), and one summary line of throughput,
// latency percentiles and failures.

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace shop::common::grpc_glue {
class GenericClient;
}  // namespace shop::common::grpc_glue

namespace shop::bench {

// One caller: its client (the channel its calls take), the method, and the serialized
// request of its n-th call.
struct Caller {
  common::grpc_glue::GenericClient* client = nullptr;
  std::string method;
  std::function<std::string(long n)> request;
};

struct LoadSummary {
  double seconds = 0;  // from the first call to the last answer
  std::size_t ok = 0;
  long failed = 0;
  double p50_ms = 0;
  double p99_ms = 0;

  double per_second() const { return seconds > 0 ? static_cast<double>(ok) / seconds : 0; }
};

// Runs callers 0..concurrency-1 (`caller_for(i)`) for `duration`; latencies are those of
// the calls that succeeded.
LoadSummary run_load(int concurrency, std::chrono::seconds duration,
                     const std::function<Caller(int index)>& caller_for);

// "<rate_name> R p50_ms A p99_ms B ok N failed F", one line.
void print_summary(std::ostream& out, std::string_view rate_name, const LoadSummary& summary);

}  // namespace shop::bench
