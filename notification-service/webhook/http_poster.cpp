#include "webhook/http_poster.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <utility>

namespace shop::notification::webhook {
namespace {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// curl_global_init is not thread-safe itself; a function-local static runs it exactly once.
bool curl_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

bool append(Slist& list, const std::string& line) {
  curl_slist* head = curl_slist_append(list.get(), line.c_str());
  if (head == nullptr) return false;
  if (!list) list.reset(head);  // otherwise the head is unchanged
  return true;
}

bool is_safe_header(const HttpHeader& header) {
  const auto breaks_line = [](const std::string& text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos;
  };
  return !header.name.empty() && header.name.find(':') == std::string::npos &&
         !breaks_line(header.name) && !breaks_line(header.value);
}

// "Expect:" stops curl from waiting for a 100 Continue before sending larger bodies.
bool build_headers(const std::vector<HttpHeader>& headers, Slist& list) {
  if (!append(list, "Content-Type: application/json") || !append(list, "Expect:")) return false;
  return std::all_of(headers.begin(), headers.end(), [&list](const HttpHeader& header) {
    return is_safe_header(header) && append(list, header.name + ": " + header.value);
  });
}

bool is_ip_literal(const VettedTarget& target) {
  boost::system::error_code error;
  boost::asio::ip::make_address(target.host, error);
  return !error;
}

// An IPv6 literal in brackets, as URLs and CURLOPT_RESOLVE want it; anything else as is.
// Appended piecewise: "[" + text trips a GCC 12 -Wrestrict false positive.
std::string url_host(const std::string& host) {
  if (host.find(':') == std::string::npos) return host;
  std::string bracketed;
  bracketed.reserve(host.size() + 2);
  bracketed += '[';
  bracketed += host;
  bracketed += ']';
  return bracketed;
}

std::string request_url(const VettedTarget& target) {
  return target.scheme + "://" + url_host(target.host) + ":" + std::to_string(target.port) +
         target.path_and_query;
}

// Pins a host name to the vetted address; an IP literal needs no lookup at all.
bool build_pin(const VettedTarget& target, Slist& list) {
  if (is_ip_literal(target)) return true;
  return append(list, target.host + ":" + std::to_string(target.port) + ":" +
                          url_host(target.address.to_string()));
}

// Keeps the first kResponseExcerptBytes, then stops the transfer: reading more would only
// let a receiver hold the worker with an endless body.
struct ExcerptSink {
  std::string excerpt;
  bool full = false;

  static std::size_t write(char* data, std::size_t size, std::size_t count, void* self) {
    auto& sink = *static_cast<ExcerptSink*>(self);
    const std::size_t bytes = size * count;
    const std::size_t room = kResponseExcerptBytes - sink.excerpt.size();
    sink.excerpt.append(data, std::min(bytes, room));
    if (bytes <= room) return bytes;
    sink.full = true;
    return 0;
  }
};

struct Request {
  Slist headers;
  Slist pin;
  std::string url;
  ExcerptSink sink;
  std::array<char, CURL_ERROR_SIZE> error_text{};
};

CURLcode configure(CURL* handle, Request& request, std::string_view body,
                   const PostTimeouts& timeouts) {
  CURLcode code = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (code == CURLE_OK) code = curl_easy_setopt(handle, option, value);
  };
  set(CURLOPT_URL, request.url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(CURLOPT_FOLLOWLOCATION, 0L);
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_PROXY, "");  // the vetted address is the only place this request may go
  set(CURLOPT_RESOLVE, request.pin.get());
  set(CURLOPT_HTTPHEADER, request.headers.get());
  set(CURLOPT_USERAGENT, kUserAgent);
  set(CURLOPT_POST, 1L);
  set(CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());  // NULL would read stdin
  set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  set(CURLOPT_WRITEFUNCTION, &ExcerptSink::write);
  set(CURLOPT_WRITEDATA, static_cast<void*>(&request.sink));
  set(CURLOPT_ERRORBUFFER, request.error_text.data());
  return code;
}

std::string describe(CURLcode code, const std::array<char, CURL_ERROR_SIZE>& error_text) {
  const std::string detail(error_text.data());
  return detail.empty() ? curl_easy_strerror(code) : detail;
}

}  // namespace

PostResult post_webhook(const VettedTarget& target, const std::vector<HttpHeader>& headers,
                        std::string_view body, const PostTimeouts& timeouts) {
  const auto started = std::chrono::steady_clock::now();
  PostResult result;
  const auto finish = [&](std::string error) {
    result.transport_error = std::move(error);
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return std::move(result);
  };

  if (!curl_ready()) return finish("libcurl failed to initialise");
  const EasyHandle handle(curl_easy_init());
  if (!handle) return finish("libcurl could not create a handle");
  Request request;
  request.url = request_url(target);
  if (!build_headers(headers, request.headers)) return finish("a request header is invalid");
  if (!build_pin(target, request.pin)) return finish("out of memory pinning the address");
  if (const CURLcode code = configure(handle.get(), request, body, timeouts); code != CURLE_OK) {
    return finish(curl_easy_strerror(code));
  }

  const CURLcode code = curl_easy_perform(handle.get());
  // A write error we caused ourselves only means the body was longer than the excerpt.
  if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && request.sink.full)) {
    return finish(describe(code, request.error_text));
  }
  long status = 0;
  curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  result.response_excerpt = std::move(request.sink.excerpt);
  return finish({});
}

}  // namespace shop::notification::webhook
