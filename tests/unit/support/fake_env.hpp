#pragma once
// An environment for settings tests: the given variables and nothing else.

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/config/env_reader.hpp"

namespace shop::test {

using EnvVars = std::map<std::string, std::string, std::less<>>;

inline common::config::EnvLookup fake_env(EnvVars vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    if (const auto found = vars.find(name); found != vars.end()) return found->second;
    return std::nullopt;
  };
}

}  // namespace shop::test
