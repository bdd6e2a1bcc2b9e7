// libcurl setup and handles; see curl_handles.hpp.
#include "email/curl_handles.hpp"

namespace shop::notification::email {

CurlEasy make_curl_easy() {
  // A function-local static initialises exactly once even when threads race here;
  // curl_easy_init would otherwise run the global setup itself, unsynchronised.
  static const CURLcode kGlobalInit = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (kGlobalInit != CURLE_OK) return nullptr;
  return CurlEasy(curl_easy_init());
}

}  // namespace shop::notification::email
