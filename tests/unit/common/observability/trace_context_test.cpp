#include "common/observability/trace_context.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

namespace shop::common::obs {
namespace {

constexpr const char* kValid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

TEST(TraceContextTest, ParsesTheSpecExample) {
  const auto context = parse_traceparent(kValid);
  ASSERT_TRUE(context);
  EXPECT_EQ(context->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(context->span_id, "00f067aa0ba902b7");
  EXPECT_TRUE(context->sampled);
}

TEST(TraceContextTest, SampledFlagIsTheLowestBit) {
  EXPECT_FALSE(
      parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")->sampled);
  EXPECT_TRUE(
      parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03")->sampled);
  EXPECT_FALSE(
      parse_traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-02")->sampled);
}

TEST(TraceContextTest, RoundTrip) {
  const auto context = parse_traceparent(kValid);
  ASSERT_TRUE(context);
  EXPECT_EQ(to_traceparent(*context), kValid);

  const TraceContext unsampled{"0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", false};
  EXPECT_EQ(parse_traceparent(to_traceparent(unsampled)), unsampled);
}

TEST(TraceContextTest, RejectsInvalidHeaders) {
  const std::string bad[] = {
      "",
      "garbage",
      // other versions, including the forbidden ff
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      // uppercase hex
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A",
      // all-zero ids
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
      // wrong lengths
      "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
      kValid + std::string(" "),
      // wrong separators or non-hex
      "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01",
      "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0x",
  };
  for (const std::string& header : bad) {
    EXPECT_EQ(parse_traceparent(header), std::nullopt) << "'" << header << "'";
  }
}

TEST(TraceContextTest, NewRootIsValidAndUnique) {
  std::set<std::string> traces;
  for (int i = 0; i < 200; ++i) {
    const TraceContext root = new_root();
    EXPECT_TRUE(root.sampled);
    const auto reparsed = parse_traceparent(to_traceparent(root));
    ASSERT_TRUE(reparsed) << to_traceparent(root);
    EXPECT_EQ(*reparsed, root);
    traces.insert(root.trace_id);
  }
  EXPECT_EQ(traces.size(), 200u);
  EXPECT_FALSE(new_root(false).sampled);
}

TEST(TraceContextTest, ChildKeepsTraceAndSamplingWithNewSpan) {
  const TraceContext parent = *parse_traceparent(kValid);
  const TraceContext child = child_of(parent);
  EXPECT_EQ(child.trace_id, parent.trace_id);
  EXPECT_EQ(child.sampled, parent.sampled);
  EXPECT_NE(child.span_id, parent.span_id);
  EXPECT_TRUE(parse_traceparent(to_traceparent(child)));

  const TraceContext unsampled_child = child_of(new_root(false));
  EXPECT_FALSE(unsampled_child.sampled);
}

TEST(TraceContextTest, RequestIdIsAVersion4Uuid) {
  const std::regex uuid_v4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> ids;
  for (int i = 0; i < 200; ++i) {
    const std::string id = new_request_id();
    EXPECT_TRUE(std::regex_match(id, uuid_v4)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 200u);
}

}  // namespace
}  // namespace shop::common::obs
