#include <iostream>

#include "app.hpp"

int main() {
  try {
    return shop::gateway::run(shop::gateway::Config::from_env());
  } catch (const shop::common::config::ConfigError& e) {
    std::cerr << "api-gateway: invalid configuration\n" << e.what() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "api-gateway: " << e.what() << '\n';
    return 2;
  }
}
