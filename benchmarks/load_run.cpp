#include "load_run.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <algorithm>
#include <future>
#include <thread>
#include <utility>
#include <vector>

#include "common/grpc/call_context.hpp"
#include "common/grpc/generic_client.hpp"

namespace shop::bench {
namespace {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

constexpr std::chrono::milliseconds kCallTimeout{5000};

struct CallerResult {
  std::vector<double> latencies_ms;
  long failures = 0;
};

asio::awaitable<CallerResult> call_until(Caller caller, Clock::time_point deadline) {
  CallerResult result;
  const common::grpc_glue::CallContext context;
  for (long n = 0; Clock::now() < deadline; ++n) {
    auto method = caller.method;
    auto body = caller.request(n);
    const auto started = Clock::now();
    auto reply =
        co_await caller.client->call(std::move(method), std::move(body), context, kCallTimeout);
    if (reply.status.ok()) {
      result.latencies_ms.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    } else {
      ++result.failures;
    }
  }
  co_return result;
}

double percentile(const std::vector<double>& sorted, double share) {
  if (sorted.empty()) return 0;
  return sorted[static_cast<std::size_t>(share * static_cast<double>(sorted.size() - 1))];
}

}  // namespace

LoadSummary run_load(int concurrency, std::chrono::seconds duration,
                     const std::function<Caller(int index)>& caller_for) {
  asio::io_context io;
  const auto started = Clock::now();
  const auto deadline = started + duration;
  std::vector<std::future<CallerResult>> callers;
  callers.reserve(static_cast<std::size_t>(concurrency));
  for (int i = 0; i < concurrency; ++i) {
    callers.push_back(asio::co_spawn(io, call_until(caller_for(i), deadline), asio::use_future));
  }
  std::thread helper([&io] { io.run(); });
  io.run();
  helper.join();
  const auto finished = Clock::now();

  LoadSummary summary;
  summary.seconds = std::chrono::duration<double>(finished - started).count();
  std::vector<double> latencies;
  for (auto& caller : callers) {
    auto result = caller.get();
    latencies.insert(latencies.end(), result.latencies_ms.begin(), result.latencies_ms.end());
    summary.failed += result.failures;
  }
  std::sort(latencies.begin(), latencies.end());
  summary.ok = latencies.size();
  summary.p50_ms = percentile(latencies, 0.50);
  summary.p99_ms = percentile(latencies, 0.99);
  return summary;
}

void print_summary(std::ostream& out, std::string_view rate_name, const LoadSummary& summary) {
  out << rate_name << ' ' << summary.per_second() << " p50_ms " << summary.p50_ms << " p99_ms "
      << summary.p99_ms << " ok " << summary.ok << " failed " << summary.failed << '\n';
}

}  // namespace shop::bench
