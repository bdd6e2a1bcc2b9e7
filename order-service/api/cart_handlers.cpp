#include "api/cart_handlers.hpp"

#include "api/catalog_lookup.hpp"
#include "common/identity/access.hpp"
#include "models/validation.hpp"

namespace shop::order::api {
namespace {

using common::Error;
namespace v1 = order::v1;

// The cart's lines with today's names and prices; lines whose product is gone are
// left out of the answer.
Task<v1::Cart> priced_cart(const Deps& deps, const std::string& user_id,
                           const common::grpc_glue::CallContext& call) {
  auto lines = co_await deps.carts->lines(user_id);
  if (!lines) co_return lines.error();
  v1::Cart cart;
  if (lines->empty()) co_return cart;
  auto catalog = co_await catalog_for(deps, *lines, call);
  if (!catalog) co_return catalog.error();
  std::int64_t total = 0;
  for (const auto& line : *lines) {
    const auto found = catalog->find(line.product_id);
    if (found == catalog->end()) continue;
    const auto& product = found->second;
    auto* item = cart.add_items();
    item->set_product_id(line.product_id);
    item->set_quantity(line.quantity);
    item->set_unit_price_cents(product.price_cents);
    item->set_currency(product.currency);
    item->set_name(product.name);
    total += line.quantity * product.price_cents;
    if (cart.currency().empty()) cart.set_currency(product.currency);
  }
  cart.set_total_cents(total);
  co_return cart;
}

Task<void> require_product(const Deps& deps, const std::string& product_id,
                           const common::grpc_glue::CallContext& call) {
  const std::vector<std::string> ids{product_id};
  auto found = co_await deps.stock->find_products(ids, call);
  if (!found) co_return found.error();
  if (found->empty()) {
    std::vector<common::FieldError> unknown{{"product_id", "no such product"}};
    co_return Error::validation(std::move(unknown));
  }
  co_return common::Result<void>{};
}

// Stores the line with its new quantity, if valid, and answers the cart.
Task<v1::Cart> put_line(const Deps& deps, const std::string& user_id,
                        const models::RequestedLine& line,
                        const common::grpc_glue::CallContext& call) {
  if (auto errors = models::validate_cart_line(line); !errors.empty()) {
    co_return Error::validation(std::move(errors));
  }
  const repository::CartLine stored_line{line.product_id, line.quantity};
  auto stored = co_await deps.carts->put(user_id, stored_line);
  if (!stored) co_return stored.error();
  co_return co_await priced_cart(deps, user_id, call);
}

}  // namespace

Task<v1::Cart> get_cart(const Deps& deps, common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  co_return co_await priced_cart(deps, claims->subject, call);
}

Task<v1::Cart> add_cart_item(const Deps& deps, const v1::CartItemRequest& request,
                             common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  const models::RequestedLine requested{request.product_id(), request.quantity()};
  if (auto errors = models::validate_cart_line(requested); !errors.empty()) {
    co_return Error::validation(std::move(errors));
  }
  auto exists = co_await require_product(deps, request.product_id(), call);
  if (!exists) co_return exists.error();
  auto line = co_await deps.carts->line(claims->subject, request.product_id());
  if (!line) co_return line.error();
  const models::RequestedLine added{request.product_id(),
                                    request.quantity() + (*line ? (*line)->quantity : 0)};
  co_return co_await put_line(deps, claims->subject, added, call);
}

Task<v1::Cart> update_cart_item(const Deps& deps, const v1::CartItemRequest& request,
                                common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto line = co_await deps.carts->line(claims->subject, request.product_id());
  if (!line) co_return line.error();
  if (!*line) co_return Error::not_found("the cart holds no such product");
  const models::RequestedLine updated{request.product_id(), request.quantity()};
  co_return co_await put_line(deps, claims->subject, updated, call);
}

Task<v1::Cart> remove_cart_item(const Deps& deps, const v1::RemoveCartItemRequest& request,
                                common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto removed = co_await deps.carts->remove(claims->subject, request.product_id());
  if (!removed) co_return removed.error();
  if (!*removed) co_return Error::not_found("the cart holds no such product");
  co_return co_await priced_cart(deps, claims->subject, call);
}

Task<v1::Cart> clear_cart(const Deps& deps, common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto cleared = co_await deps.carts->clear(claims->subject);
  if (!cleared) co_return cleared.error();
  co_return v1::Cart{};
}

}  // namespace shop::order::api
