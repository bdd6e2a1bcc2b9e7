#include "common/http/responses.hpp"

#include <boost/json/serialize.hpp>

namespace shop::common::http {

Response json_response(Status status, std::string body) {
  Response response{status, 11};
  response.set(beast_http::field::content_type, "application/json");
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

Response json_response(Status status, const boost::json::value& body) {
  return json_response(status, boost::json::serialize(body));
}

Response empty_response(Status status) {
  Response response{status, 11};
  response.prepare_payload();
  return response;
}

std::string problem_body(const Error& error) {
  const auto& entry = traits(error.code);
  boost::json::object body{
      {"type", std::string("https://shop.example.com/problems/") + std::string(entry.type_slug)},
      {"title", entry.title},
      {"status", entry.http_status},
      {"detail", error.detail},
  };
  if (!error.fields.empty()) {
    boost::json::array fields;
    for (const auto& field : error.fields) {
      fields.push_back(boost::json::object{{"field", field.field}, {"message", field.message}});
    }
    body["errors"] = std::move(fields);
  }
  return boost::json::serialize(body);
}

Response problem_response(const Error& error) {
  Response response{static_cast<Status>(traits(error.code).http_status), 11};
  response.set(beast_http::field::content_type, "application/problem+json");
  response.body() = problem_body(error);
  response.prepare_payload();
  return response;
}

}  // namespace shop::common::http
