#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and "{name}"
// placeholders; a path that matches no pattern is 404, a path that matches with
// another method is 405.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/http/types.hpp"

namespace shop::common::http {

class Router {
 public:
  struct Match {
    enum class Kind { kFound, kNotFound, kMethodNotAllowed } kind = Kind::kNotFound;
    const Handler* handler = nullptr;
    std::string_view pattern;
    std::unordered_map<std::string, std::string> params;
    std::vector<Verb> allowed;  // for kMethodNotAllowed: the methods the path does serve
  };

  void add(Verb method, std::string pattern, Handler handler);
  Match match(Verb method, std::string_view path) const;

 private:
  struct Route {
    Verb method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// "GET, POST": the methods as an Allow or Access-Control-Allow-Methods header lists them.
std::string method_list(const std::vector<Verb>& methods);

// Splits "/a/b/c" into {"a","b","c"}; exposed for the gateway's route table.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace shop::common::http
