#pragma once
// What every order-service handler needs, built once in main and shared read-only.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "clients/payment_gateway.hpp"
#include "clients/stock_service.hpp"
#include "common/errors.hpp"
#include "common/identity/authenticator.hpp"
#include "repository/stores.hpp"
#include "saga/saga_runner.hpp"

namespace shop::order::api {

struct Deps {
  std::shared_ptr<repository::OrderStore> orders;
  std::shared_ptr<repository::CartStore> carts;
  std::shared_ptr<repository::IdempotencyStore> idempotency;
  std::shared_ptr<clients::StockService> stock;
  std::shared_ptr<clients::PaymentGateway> payments;
  std::shared_ptr<saga::SagaRunner> saga;
  std::shared_ptr<common::identity::Authenticator> authenticator;
  // How long POST /orders lets the saga run before answering 202 while it goes on.
  std::chrono::milliseconds saga_wait{2000};
};

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

}  // namespace shop::order::api
