#include "loopback_http_server.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

#include <utility>

namespace shop::notification::webhook::testing {
namespace {

using boost::asio::ip::tcp;

tcp::endpoint loopback(std::uint16_t port) {
  return {boost::asio::ip::make_address_v4("127.0.0.1"), port};
}

}  // namespace

LoopbackHttpServer::LoopbackHttpServer(std::string canned_response)
    : acceptor_(io_, loopback(0)),
      port_(acceptor_.local_endpoint().port()),
      canned_response_(std::move(canned_response)),
      thread_([this] { serve(); }) {}

LoopbackHttpServer::~LoopbackHttpServer() {
  stopping_ = true;
  // Wakes the blocking accept; the thread sees stopping_ and ends.
  boost::asio::io_context wake_io;
  tcp::socket wake(wake_io);
  boost::system::error_code ignored;
  wake.connect(loopback(port_), ignored);
  thread_.join();
}

std::vector<ReceivedRequest> LoopbackHttpServer::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

void LoopbackHttpServer::serve() {
  while (true) {
    tcp::socket socket(io_);
    boost::system::error_code error;
    acceptor_.accept(socket, error);
    if (error || stopping_) return;
    answer(socket);
  }
}

void LoopbackHttpServer::answer(tcp::socket& socket) {
  boost::beast::flat_buffer buffer;
  ReceivedRequest request;
  boost::system::error_code error;
  boost::beast::http::read(socket, buffer, request, error);
  if (error) return;
  {
    const std::lock_guard lock(mutex_);
    requests_.push_back(std::move(request));
  }
  boost::asio::write(socket, boost::asio::buffer(canned_response_), error);
  socket.shutdown(tcp::socket::shutdown_both, error);
}

SilentListener::SilentListener() : acceptor_(io_, loopback(0)) {}

std::string canned_response(int status, const std::string& reason, const std::string& body,
                            const std::string& extra_headers) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n" + extra_headers +
         "Content-Type: text/plain\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace shop::notification::webhook::testing
