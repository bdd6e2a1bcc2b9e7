// The words of the messages: every template names its order, HTML is escaped, amounts
// read as money.

#include "models/rendering.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace shop::notification::models {
namespace {

constexpr const char* kOrder = "0d6f1a8e-0000-4000-8000-000000000001";

TEST(Rendering, EveryOrderTemplateNamesTheOrder) {
  for (const char* name :
       {templates::kOrderConfirmed, templates::kOrderWaitlisted, templates::kOrderShipped,
        templates::kOrderDelivered, templates::kOrderCancelled, templates::kPaymentFailed}) {
    const auto email = render_email(Topic{.template_name = name, .order_id = kOrder}, "Ann");
    EXPECT_NE(email.subject.find(kOrder), std::string::npos) << name;
    EXPECT_NE(email.text.find(kOrder), std::string::npos) << name;
    EXPECT_NE(email.html.find(kOrder), std::string::npos) << name;
    EXPECT_EQ(email.text.rfind("Hello Ann,", 0), 0U) << name;
  }
}

TEST(Rendering, PaymentFailureStatesAmountAndReason) {
  const auto email = render_email(Topic{.template_name = templates::kPaymentFailed,
                                        .order_id = kOrder,
                                        .reason = "insufficient_funds",
                                        .amount_cents = 7805,
                                        .currency = "EUR"},
                                  "");
  EXPECT_NE(email.text.find("78.05 EUR"), std::string::npos);
  EXPECT_NE(email.text.find("insufficient_funds"), std::string::npos);
  EXPECT_EQ(email.text.rfind("Hello,", 0), 0U);
}

TEST(Rendering, HtmlEscapesWhatCustomersTyped) {
  const auto email =
      render_email(Topic{.template_name = templates::kWelcome}, "<script>alert('x')</script> & co");
  EXPECT_EQ(email.html.find("<script>"), std::string::npos);
  EXPECT_NE(email.html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"),
            std::string::npos);
  EXPECT_NE(email.text.find("<script>"), std::string::npos);  // plain text stays as typed
}

TEST(Rendering, BackInStockNamesTheProduct) {
  const auto email =
      render_email(Topic{.template_name = templates::kBackInStock, .product_id = "p-42"}, "Bo");
  EXPECT_NE(email.text.find("p-42"), std::string::npos);
}

TEST(Rendering, PushPayloadIsJsonForTheServiceWorker) {
  const auto payload = boost::json::parse(
      render_push(Topic{.template_name = templates::kOrderShipped, .order_id = kOrder}));
  EXPECT_EQ(payload.at("template").as_string(), templates::kOrderShipped);
  EXPECT_EQ(payload.at("order_id").as_string(), kOrder);
  EXPECT_NE(std::string(payload.at("title").as_string()).find(kOrder), std::string::npos);
}

TEST(Rendering, AmountsKeepTwoMinorDigits) {
  EXPECT_EQ(format_amount(0, "EUR"), "0.00 EUR");
  EXPECT_EQ(format_amount(5, "EUR"), "0.05 EUR");
  EXPECT_EQ(format_amount(123456, "GBP"), "1234.56 GBP");
  EXPECT_EQ(format_amount(-250, "USD"), "-2.50 USD");
}

}  // namespace
}  // namespace shop::notification::models
