#include <iostream>

#include "app.hpp"

int main() {
  try {
    return shop::notification::run(shop::notification::Config::from_env());
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "notification-service: invalid configuration\n" << e.what() << '\n';
    return 2;
  }
}
