#include "common/balancing/two_choices.hpp"

#include <algorithm>

namespace shop::common::balancing {
namespace {

std::size_t draw(std::size_t count, const resilience::UniformRandom& random) {
  const auto index = static_cast<std::size_t>(random() * static_cast<double>(count));
  return std::min(index, count - 1);
}

}  // namespace

std::optional<std::size_t> pick_two_choices(const std::vector<Candidate>& candidates,
                                            const resilience::UniformRandom& random) {
  std::vector<std::size_t> available;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].available) available.push_back(i);
  }
  if (available.empty()) return std::nullopt;
  if (available.size() == 1) return available.front();
  const auto first = draw(available.size(), random);
  // The second draw skips the first, so the two are always different instances.
  auto second = draw(available.size() - 1, random);
  if (second >= first) ++second;
  const auto a = available[first];
  const auto b = available[second];
  return candidates[b].in_flight < candidates[a].in_flight ? b : a;
}

}  // namespace shop::common::balancing
