#include <iostream>

#include "app.hpp"

int main() {
  try {
    return shop::user::run(shop::user::Config::from_env());
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "user-service: invalid configuration\n" << e.what() << '\n';
    return 2;
  }
}
