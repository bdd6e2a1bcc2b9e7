#include "common/grpc/unary.hpp"

#include "common/observability/metrics.hpp"

namespace shop::common::grpc_glue {

void record_server_call(std::string_view method, const grpc::Status& status,
                        std::chrono::steady_clock::time_point started) {
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  obs::Metrics::instance().observe_grpc_server(method, status.error_code(), seconds);
}

}  // namespace shop::common::grpc_glue
