// The SSRF guard on literal addresses and "localhost" (from /etc/hosts), so no test needs
// DNS beyond this machine.

#include "webhook/target_guard.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shop::notification::webhook {
namespace {

void expect_refused(const std::string& url, bool allow_private) {
  const auto target = check_target(url, allow_private);
  ASSERT_FALSE(target.has_value()) << url;
  EXPECT_EQ(target.error().code, common::ErrorCode::kValidation) << url;
  ASSERT_EQ(target.error().fields.size(), 1U) << url;
  EXPECT_EQ(target.error().fields.front().field, "url");
}

TEST(WebhookTargetGuard, VetsAPublicIPv4Literal) {
  const auto target = check_target("http://8.8.8.8/hooks/in?token=a%20b#fragment", false);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->scheme, "http");
  EXPECT_EQ(target->host, "8.8.8.8");
  EXPECT_EQ(target->port, 80);
  EXPECT_EQ(target->path_and_query, "/hooks/in?token=a%20b");
  EXPECT_EQ(target->address, boost::asio::ip::make_address("8.8.8.8"));
}

TEST(WebhookTargetGuard, VetsAPublicIPv6LiteralWithPort) {
  const auto target = check_target("HTTPS://[2606:4700:4700::1111]:8443", false);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->scheme, "https");
  EXPECT_EQ(target->host, "2606:4700:4700::1111");
  EXPECT_EQ(target->port, 8443);
  EXPECT_EQ(target->path_and_query, "/");
  EXPECT_EQ(target->address, boost::asio::ip::make_address("2606:4700:4700::1111"));
}

TEST(WebhookTargetGuard, DefaultsThePortByScheme) {
  EXPECT_EQ(check_target("https://1.1.1.1/x", false)->port, 443);
  EXPECT_EQ(check_target("http://1.1.1.1:/x", false)->port, 80);
}

TEST(WebhookTargetGuard, RefusesNonPublicLiterals) {
  for (const std::string url : {
           "http://127.0.0.1/",
           "http://127.0.0.1:8080/hook",
           "http://10.1.2.3/",
           "http://172.16.0.1/",
           "http://192.168.1.1/",
           "http://169.254.169.254/latest/meta-data/",
           "http://100.64.0.1/",
           "http://0.0.0.0/",
           "http://224.0.0.1/",
           "http://255.255.255.255/",
           "http://[::1]/",
           "http://[::]/",
           "http://[fe80::1]/",
           "http://[fd00::1]/",
           "http://[ff02::1]/",
           "http://[::ffff:127.0.0.1]/",
           "http://[::ffff:a9fe:a9fe]/",
           "http://[64:ff9b::a00:1]/",
       }) {
    expect_refused(url, false);
  }
}

TEST(WebhookTargetGuard, AllowPrivateLetsLoopbackThrough) {
  const auto target = check_target("http://127.0.0.1:8080/hook", true);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->address, boost::asio::ip::make_address("127.0.0.1"));
  EXPECT_TRUE(check_target("http://[::1]:8080/hook", true).has_value());
}

TEST(WebhookTargetGuard, LocalhostOnlyWithAllowPrivate) {
  expect_refused("http://localhost:8080/hook", false);
  expect_refused("http://LOCALHOST/", false);

  const auto target = check_target("http://localhost:8080/hook", true);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(target->host, "localhost");
  EXPECT_EQ(target->port, 8080);
  EXPECT_TRUE(target->address.is_loopback()) << target->address.to_string();
}

TEST(WebhookTargetGuard, RefusesBadUrls) {
  for (const std::string url : {
           "",
           "garbage",
           "not a url at all",
           "//8.8.8.8/relative",
           "/just/a/path",
           "ftp://8.8.8.8/file",
           "file:///etc/passwd",
           "gopher://8.8.8.8/",
           "ws://8.8.8.8/",
           "http:/8.8.8.8/",
           "http:///no-host",
           "http://",
           "http://user@8.8.8.8/",
           "http://user:password@8.8.8.8/",
           "http://:@8.8.8.8/",
           "http://8.8.8.8:0/",
           "http://8.8.8.8:65536/",
           "http://[v1.fe]/",
           "http://exa%2Fmple.com/",
           "http://exa%40mple.com/",
           "http://8.8.8.8/pa th",
           "http://[::1/",
       }) {
    expect_refused(url, true);
  }
}

}  // namespace
}  // namespace shop::notification::webhook
