#pragma once
// A tiny HTTP server on 127.0.0.1 for the poster tests: one thread answers every
// connection with the same canned bytes and keeps what it received. Each request is
// recorded before the answer goes out, so once a client has its answer the server's
// record of it is complete.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace shop::notification::webhook::testing {

using ReceivedRequest = boost::beast::http::request<boost::beast::http::string_body>;

class LoopbackHttpServer {
 public:
  explicit LoopbackHttpServer(std::string canned_response);
  ~LoopbackHttpServer();
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::vector<ReceivedRequest> requests() const;

 private:
  void serve();
  void answer(boost::asio::ip::tcp::socket& socket);

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::string canned_response_;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> requests_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A listening socket that never accepts: the kernel completes the handshake and takes the
// request, and no answer ever comes, as from a receiver that hangs.
class SilentListener {
 public:
  SilentListener();
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

// A canned HTTP/1.1 answer that closes the connection.
std::string canned_response(int status, const std::string& reason, const std::string& body,
                            const std::string& extra_headers = "");

}  // namespace shop::notification::webhook::testing
