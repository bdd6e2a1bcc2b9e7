// The delivery POST against servers on 127.0.0.1 started by the tests themselves.

#include "webhook/http_poster.hpp"

#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "loopback_http_server.hpp"
#include "webhook/signature.hpp"

namespace shop::notification::webhook {
namespace {

using std::chrono::milliseconds;
using testing::canned_response;
using testing::LoopbackHttpServer;
using testing::SilentListener;

constexpr PostTimeouts kQuick{milliseconds{5'000}, milliseconds{2'000}};

VettedTarget loopback_target(std::uint16_t port, std::string path = "/hooks/in") {
  return {.scheme = "http",
          .host = "127.0.0.1",
          .port = port,
          .path_and_query = std::move(path),
          .address = boost::asio::ip::make_address("127.0.0.1")};
}

TEST(WebhookHttpPoster, Records2xxAndSendsTheSignedRequest) {
  LoopbackHttpServer server(canned_response(200, "OK", "thanks"));
  const SigningSecret secret = *SigningSecret::parse(generate_secret());
  const std::string body = R"({"type":"order.paid","data":{"order_id":"ord_1"}})";
  const std::vector<HttpHeader> headers = signed_headers(secret, "msg_1", 1700000000, body);

  const PostResult result =
      post_webhook(loopback_target(server.port(), "/hooks/in?a=1"), headers, body, kQuick);

  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.transport_error, "");
  EXPECT_EQ(result.response_excerpt, "thanks");
  EXPECT_GE(result.elapsed.count(), 0);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& request = requests.front();
  EXPECT_EQ(request.method(), boost::beast::http::verb::post);
  EXPECT_EQ(request.target(), "/hooks/in?a=1");
  EXPECT_EQ(request.body(), body);
  EXPECT_EQ(request["webhook-id"], "msg_1");
  EXPECT_EQ(request["webhook-timestamp"], "1700000000");
  EXPECT_EQ(request["webhook-signature"], sign(secret, "msg_1", 1700000000, body));
  EXPECT_EQ(request["Content-Type"], "application/json");
  EXPECT_EQ(request["User-Agent"], "shop-webhooks/1");
  EXPECT_EQ(request.count("Expect"), 0U);
}

TEST(WebhookHttpPoster, PinsAHostNameToTheVettedAddress) {
  LoopbackHttpServer server(canned_response(204, "No Content", ""));
  // ".invalid" never resolves (RFC 6761), so reaching the server proves the pin was used.
  VettedTarget target = loopback_target(server.port());
  target.host = "webhook-receiver.invalid";

  const PostResult result = post_webhook(target, {}, "{}", kQuick);

  EXPECT_EQ(result.status, 204) << result.transport_error;
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_EQ(requests.front()["Host"], "webhook-receiver.invalid:" + std::to_string(server.port()));
}

TEST(WebhookHttpPoster, DoesNotFollowRedirects) {
  LoopbackHttpServer server(canned_response(302, "Found", "", "Location: /elsewhere\r\n"));

  const PostResult result = post_webhook(loopback_target(server.port()), {}, "{}", kQuick);

  EXPECT_EQ(result.status, 302);
  EXPECT_EQ(server.requests().size(), 1U);
}

TEST(WebhookHttpPoster, KeepsOnlyTheStartOfALongAnswer) {
  const std::string long_body(64 * 1024, 'x');
  LoopbackHttpServer server(canned_response(500, "Internal Server Error", long_body));

  const PostResult result = post_webhook(loopback_target(server.port()), {}, "{}", kQuick);

  EXPECT_EQ(result.status, 500);
  EXPECT_EQ(result.transport_error, "");
  EXPECT_EQ(result.response_excerpt, long_body.substr(0, kResponseExcerptBytes));
}

TEST(WebhookHttpPoster, GivesUpOnAServerThatNeverAnswers) {
  SilentListener silent;
  const PostTimeouts timeouts{milliseconds{300}, milliseconds{300}};

  const auto started = std::chrono::steady_clock::now();
  const PostResult result = post_webhook(loopback_target(silent.port()), {}, "{}", timeouts);
  const auto waited = std::chrono::steady_clock::now() - started;

  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.transport_error, "");
  EXPECT_GE(result.elapsed, milliseconds{250});
  EXPECT_LT(waited, std::chrono::seconds{5});
}

TEST(WebhookHttpPoster, ReportsARefusedConnection) {
  std::uint16_t closed_port = 0;
  {
    SilentListener bound_then_closed;
    closed_port = bound_then_closed.port();
  }
  const PostResult result = post_webhook(loopback_target(closed_port), {}, "{}", kQuick);
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.transport_error, "");
}

TEST(WebhookHttpPoster, RefusesHeadersThatWouldInjectLines) {
  LoopbackHttpServer server(canned_response(200, "OK", ""));
  const std::vector<HttpHeader> injected = {{"webhook-id", "msg_1\r\nX-Evil: 1"}};

  const PostResult result = post_webhook(loopback_target(server.port()), injected, "{}", kQuick);

  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.transport_error, "");
  EXPECT_TRUE(server.requests().empty());
}

TEST(WebhookHttpPoster, ServesSeveralThreadsAtOnce) {
  LoopbackHttpServer server(canned_response(200, "OK", "ok"));
  constexpr int kThreads = 6;
  std::vector<std::future<PostResult>> posts;
  posts.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    posts.push_back(std::async(std::launch::async, [&server, i] {
      return post_webhook(loopback_target(server.port()), {}, "{\"n\":" + std::to_string(i) + "}",
                          kQuick);
    }));
  }
  for (auto& post : posts) EXPECT_EQ(post.get().status, 200);
  EXPECT_EQ(server.requests().size(), static_cast<std::size_t>(kThreads));
}

}  // namespace
}  // namespace shop::notification::webhook
