#pragma once
// Owning handles for libcurl objects, and libcurl's one-time global setup.
// Internal to the library: nothing in the public headers exposes curl.

#include <curl/curl.h>

#include <memory>

namespace shop::notification::email {

struct CurlEasyCleanup {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct CurlStringListCleanup {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyCleanup>;
using CurlStringList = std::unique_ptr<curl_slist, CurlStringListCleanup>;

// A fresh easy handle, after curl_global_init has run once for the process; null when
// either fails. Safe to call from several threads at once.
CurlEasy make_curl_easy();

}  // namespace shop::notification::email
