#include "common/mq/topology.hpp"

namespace shop::common::mq {
namespace {

constexpr std::size_t kMaxQueueName = 200;

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

std::string retry_queue_name(std::string_view queue, std::chrono::milliseconds delay) {
  return std::string(queue) + ".retry." + std::to_string(delay.count());
}

std::string dead_letter_queue_name(std::string_view queue) { return std::string(queue) + ".dlq"; }

bool is_valid_queue_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxQueueName) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == ':';
    if (!ok) return false;
  }
  return true;
}

bool is_valid_binding(std::string_view pattern) {
  if (pattern.empty() || pattern.size() > 255) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = pattern.find('.', start);
    const std::string_view word =
        pattern.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (word.empty()) return false;
    if (word != "*" && word != "#") {
      for (const char c : word) {
        if (!is_word_char(c)) return false;
      }
    }
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

ConsumerTopology consumer_topology(std::string queue, std::vector<std::string> bindings,
                                   const RetryPolicy& retry) {
  ConsumerTopology topology;
  for (const auto delay : retry_delays(retry)) {
    topology.retry_queues.push_back({retry_queue_name(queue, delay), delay, queue});
  }
  topology.dead_letter_queue = {dead_letter_queue_name(queue), std::nullopt, std::nullopt};
  topology.bindings = std::move(bindings);
  topology.queue = {std::move(queue), std::nullopt, std::nullopt};
  return topology;
}

}  // namespace shop::common::mq
