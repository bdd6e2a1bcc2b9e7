#include <iostream>
#include <string_view>

#include "app.hpp"

// product-service          serve
// product-service reindex  rebuild the search index from the database, then exit
int main(int argc, char** argv) {
  const std::string_view command = argc > 1 ? argv[1] : "";
  if (!command.empty() && command != "reindex") {
    std::cerr << "usage: product-service [reindex]\n";
    return 2;
  }
  try {
    const auto config = shop::product::Config::from_env();
    return command == "reindex" ? shop::product::reindex(config) : shop::product::run(config);
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "product-service: invalid configuration\n" << e.what() << '\n';
    return 2;
  }
}
