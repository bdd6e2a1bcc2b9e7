#include "push/openssl_errors.hpp"

#include <openssl/err.h>

#include <utility>

namespace shop::notification::push {

common::Error openssl_failure(std::string_view operation) {
  ERR_clear_error();
  return common::Error::internal(std::string(operation) + " failed");
}

common::Error openssl_rejected(std::string detail) {
  ERR_clear_error();
  return common::Error::bad_request(std::move(detail));
}

}  // namespace shop::notification::push
