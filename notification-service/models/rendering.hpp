#pragma once
// The words of every message: one headline and one paragraph per template, laid out as
// a plain-text mail, an HTML mail and a Web Push payload. Pure, no I/O.

#include <string>
#include <string_view>

#include "models/topic.hpp"

namespace shop::notification::models {

struct RenderedEmail {
  std::string subject;
  std::string text;
  std::string html;
};

RenderedEmail render_email(const Topic& topic, std::string_view recipient_name);

// {"title":…,"body":…,"template":…,"order_id":…} for the service worker to show.
std::string render_push(const Topic& topic);

// "12.50 EUR": minor units and an ISO 4217 code, as the messages show amounts.
std::string format_amount(std::int64_t cents, std::string_view currency);

}  // namespace shop::notification::models
