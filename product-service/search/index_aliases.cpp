#include "search/index_aliases.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "search/json_fields.hpp"

namespace shop::product::search {

bool is_valid_alias(std::string_view alias) {
  constexpr std::size_t kMaxLength = 100;
  if (alias.empty() || alias.size() > kMaxLength) return false;
  if (alias.front() == '_' || alias.front() == '-') return false;
  return std::all_of(alias.begin(), alias.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string versioned_index_name(std::string_view alias,
                                 std::chrono::system_clock::time_point now) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(now - seconds).count();
  const std::time_t time = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&time, &utc);
  char stamp[96];  // room for any int the compiler cannot rule out
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d%02d%02d%02d%06lld", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<long long>(micros));
  return std::string(alias) + "_v" + stamp;
}

boost::json::object alias_swap_body(std::string_view alias,
                                    const std::vector<std::string>& old_indices,
                                    std::string_view new_index) {
  boost::json::array actions;
  for (const auto& index : old_indices) {
    actions.push_back(boost::json::object{{"remove", {{"index", index}, {"alias", alias}}}});
  }
  actions.push_back(boost::json::object{{"add", {{"index", new_index}, {"alias", alias}}}});
  return {{"actions", std::move(actions)}};
}

common::Result<std::vector<std::string>> parse_alias_indices(std::string_view body) {
  auto answer = json_fields::parse_object(body, "alias answer");
  if (!answer) return answer.error();
  std::vector<std::string> indices;
  for (const auto& [index, entry] : *answer) {
    if (!entry.is_object() || !entry.get_object().contains("aliases")) {
      return common::Error::internal("alias answer: entry " + std::string(index) +
                                     " has no aliases");
    }
    indices.emplace_back(index);
  }
  std::sort(indices.begin(), indices.end());
  return indices;
}

}  // namespace shop::product::search
