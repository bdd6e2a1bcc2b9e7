// Calls one unary method of a Shop service with a JSON request and prints the JSON
// answer: for operators and for tests that drive the internal gRPC APIs (which have no
// REST route). The messages are the ones compiled into shop_proto.
//
//   shop-grpc-call <host:port> <package.Service/Method> '<request JSON>'
//
// Exit 0 with the answer on stdout; exit 1 with {"code", "message"} (the gRPC status) on stdout
// when the call failed; exit 2 for bad arguments. SHOP_ACCESS_TOKEN, when set, is sent
// as the caller's bearer token.

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "common/grpc/channel.hpp"
#include "common/grpc/generic_client.hpp"
#include "proto/product.pb.h"
#include "proto/user.pb.h"

namespace {

namespace pb = google::protobuf;
constexpr std::chrono::milliseconds kTimeout{10'000};

int usage(const std::string& problem) {
  std::cerr << "shop-grpc-call: " << problem
            << "\nusage: shop-grpc-call <host:port> <package.Service/Method> '<request JSON>'\n";
  return 2;
}

// Links every service's generated descriptors into the pool the lookup reads.
void register_services() {
  (void)shop::user::v1::User::descriptor();
  (void)shop::product::v1::Product::descriptor();
}

std::unique_ptr<pb::Message> new_message(const pb::Descriptor* type) {
  return std::unique_ptr<pb::Message>(
      pb::MessageFactory::generated_factory()->GetPrototype(type)->New());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return usage("three arguments expected");
  register_services();
  std::string method_name = argv[2];
  const auto slash = method_name.find('/');
  if (slash == std::string::npos) return usage("the method is package.Service/Method");
  const auto* method = pb::DescriptorPool::generated_pool()->FindMethodByName(
      method_name.substr(0, slash) + "." + method_name.substr(slash + 1));
  if (method == nullptr) return usage("no such method: " + method_name);

  auto request = new_message(method->input_type());
  if (auto parsed = pb::util::JsonStringToMessage(argv[3], request.get()); !parsed.ok())
    return usage("the request is not valid JSON for " + method->input_type()->full_name() + ": " +
                 std::string(parsed.message()));

  shop::common::grpc_glue::GenericClient client(shop::common::grpc_glue::open_channel(argv[1]));
  shop::common::grpc_glue::CallContext context;
  if (const char* token = std::getenv("SHOP_ACCESS_TOKEN")) context.bearer_token = token;
  boost::asio::io_context io;
  auto reply = boost::asio::co_spawn(
      io, client.call("/" + method_name, request->SerializeAsString(), context, kTimeout),
      boost::asio::use_future);
  io.run();
  const auto answer = reply.get();

  if (!answer.status.ok()) {
    const boost::json::object failure{{"code", static_cast<int>(answer.status.error_code())},
                                      {"message", answer.status.error_message()}};
    std::cout << boost::json::serialize(failure) << '\n';
    return 1;
  }
  auto response = new_message(method->output_type());
  std::string json;
  pb::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  if (!response->ParseFromString(answer.body) ||
      !pb::util::MessageToJsonString(*response, &json, options).ok()) {
    std::cerr << "shop-grpc-call: the answer could not be read\n";
    return 1;
  }
  std::cout << json << '\n';
  return 0;
}
