#pragma once
// What every payment-provider handler needs, built once in app.cpp and shared read-only.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/http/types.hpp"
#include "models/card.hpp"
#include "repository/idempotency_repository.hpp"
#include "repository/payment_repository.hpp"

namespace shop::payment::api {

namespace http = common::http;

struct Deps {
  std::shared_ptr<repository::PaymentMethodRepository> payment_methods;
  std::shared_ptr<repository::ChargeRepository> charges;
  std::shared_ptr<repository::IdempotencyRepository> idempotency;
  std::string api_key;
  // Whose Idempotency-Keys a request's are: a digest of the API key, never the key itself.
  std::string account;
  // How long the slow test card's answer waits.
  std::chrono::milliseconds slow_answer_delay{5000};
  // How long a request holds its Idempotency-Key at most; longer than any request takes.
  std::chrono::milliseconds key_lease{65'000};
  std::function<std::chrono::system_clock::time_point()> clock = std::chrono::system_clock::now;
};

// An endpoint of the API, reached once the caller's API key checked out.
using Endpoint = boost::asio::awaitable<http::Response> (*)(const Deps&, const http::Request&,
                                                            const http::RequestContext&);

std::int64_t unix_now(const Deps& deps);
models::YearMonth current_month(const Deps& deps);

}  // namespace shop::payment::api
