#include "common/http/router.hpp"

namespace shop::common::http {
namespace {

bool is_placeholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool match_segments(const std::vector<std::string>& pattern,
                    const std::vector<std::string_view>& path,
                    std::unordered_map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_placeholder(pattern[i])) {
      if (path[i].empty()) return false;
      params.emplace(pattern[i].substr(1, pattern[i].size() - 2), std::string(path[i]));
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string method_list(const std::vector<Verb>& methods) {
  std::string list;
  for (const auto method : methods) {
    if (!list.empty()) list += ", ";
    list += beast_http::to_string(method);
  }
  return list;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = path.starts_with('/') ? 1 : 0;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const auto stop = end == std::string_view::npos ? path.size() : end;
    if (stop > start || end != std::string_view::npos)
      segments.push_back(path.substr(start, stop - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return segments;
}

void Router::add(Verb method, std::string pattern, Handler handler) {
  std::vector<std::string> segments;
  for (auto segment : split_path(pattern)) segments.emplace_back(segment);
  routes_.push_back({method, std::move(pattern), std::move(segments), std::move(handler)});
}

Router::Match Router::match(Verb method, std::string_view path) const {
  const auto segments = split_path(path);
  Match result;
  for (const auto& route : routes_) {
    std::unordered_map<std::string, std::string> params;
    if (!match_segments(route.segments, segments, params)) continue;
    if (route.method != method) {
      result.kind = Match::Kind::kMethodNotAllowed;
      result.allowed.push_back(route.method);
      continue;
    }
    return {Match::Kind::kFound, &route.handler, route.pattern, std::move(params), {}};
  }
  return result;
}

}  // namespace shop::common::http
