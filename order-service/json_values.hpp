#pragma once
// order-service reads foreign JSON with the shared lenient readers.

#include "common/json_values.hpp"

namespace shop::order {

using common::array_at;
using common::integer;
using common::object_at;
using common::text;

}  // namespace shop::order
