#include "models/rendering.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <cstdlib>

namespace shop::notification::models {
namespace {

struct Wording {
  std::string headline;
  std::string paragraph;
};

Wording wording_for(const Topic& topic) {
  const auto& order = topic.order_id;
  const std::string_view name = topic.template_name;
  if (name == templates::kWelcome) {
    return {"Welcome to Shop",
            "Your account is ready. Browse the catalog, fill your cart and check out whenever "
            "you like."};
  }
  if (name == templates::kOrderConfirmed) {
    return {"Order " + order + " is confirmed",
            "Thank you for your order " + order +
                ". Your payment went through and we are preparing your parcel."};
  }
  if (name == templates::kOrderWaitlisted) {
    return {"Order " + order + " is waiting for stock",
            "Some items of order " + order +
                " are out of stock. Nothing has been charged; we will complete the order as "
                "soon as they are back."};
  }
  if (name == templates::kOrderShipped) {
    return {"Order " + order + " has shipped", "Your order " + order + " is on its way."};
  }
  if (name == templates::kOrderDelivered) {
    return {"Order " + order + " was delivered",
            "Your order " + order + " has been delivered. We hope you enjoy it."};
  }
  if (name == templates::kOrderCancelled) {
    return {"Order " + order + " is cancelled",
            "Your order " + order + " has been cancelled" +
                (topic.reason.empty() ? std::string() : " (" + topic.reason + ")") +
                ". Any payment taken is refunded."};
  }
  if (name == templates::kPaymentFailed) {
    return {"Payment for order " + order + " failed",
            "We could not charge " + format_amount(topic.amount_cents, topic.currency) +
                " for order " + order + " (" + (topic.reason.empty() ? "declined" : topic.reason) +
                "). The order is cancelled and nothing was charged; you are welcome to order "
                "again with another card."};
  }
  if (name == templates::kBackInStock) {
    return {"Back in stock",
            "Product " + topic.product_id + " you asked about is back in stock. Order soon!"};
  }
  return {"Shop", "Something changed in your account."};
}

std::string escape_html(std::string_view text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string greeting(std::string_view name) {
  return name.empty() ? std::string("Hello,") : "Hello " + std::string(name) + ",";
}

}  // namespace

std::string format_amount(std::int64_t cents, std::string_view currency) {
  const auto magnitude = std::llabs(cents);
  auto minor = std::to_string(magnitude % 100);
  if (minor.size() < 2) minor.insert(0, "0");
  return (cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + minor + " " +
         std::string(currency);
}

RenderedEmail render_email(const Topic& topic, std::string_view recipient_name) {
  const auto words = wording_for(topic);
  RenderedEmail email;
  email.subject = words.headline;
  email.text = greeting(recipient_name) + "\n\n" + words.paragraph + "\n\n-- Shop\n";
  email.html = "<!doctype html><html><body><p>" + escape_html(greeting(recipient_name)) +
               "</p><h1>" + escape_html(words.headline) + "</h1><p>" +
               escape_html(words.paragraph) + "</p><p>&mdash; Shop</p></body></html>";
  return email;
}

std::string render_push(const Topic& topic) {
  const auto words = wording_for(topic);
  return boost::json::serialize(boost::json::object{{"title", words.headline},
                                                    {"body", words.paragraph},
                                                    {"template", topic.template_name},
                                                    {"order_id", topic.order_id}});
}

}  // namespace shop::notification::models
