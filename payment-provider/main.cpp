#include <iostream>

#include "app.hpp"

int main() {
  try {
    return shop::payment::run(shop::payment::Config::from_env());
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "payment-provider: invalid configuration\n" << e.what() << '\n';
    return 2;
  }
}
