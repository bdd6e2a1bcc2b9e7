#include <iostream>

#include "app.hpp"

int main() {
  try {
    return shop::order::run(shop::order::Config::from_env());
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "order-service: invalid configuration\n" << e.what() << '\n';
    return 2;
  }
}
