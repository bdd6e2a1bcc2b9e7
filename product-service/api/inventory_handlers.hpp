#pragma once
// Stock levels, reservations and the waitlist: one function per RPC.

#include <google/protobuf/empty.pb.h>

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/product.pb.h"

namespace shop::product::api {

using common::grpc_glue::CallContext;

Task<v1::Inventory> set_inventory(const Deps& deps, const v1::SetInventoryRequest& request,
                                  CallContext call);
Task<v1::Reservation> reserve_stock(const Deps& deps, const v1::ReserveStockRequest& request,
                                    CallContext call);
Task<v1::Reservation> commit_reservation(const Deps& deps, const v1::ReservationRequest& request,
                                         CallContext call);
Task<v1::Reservation> release_reservation(const Deps& deps, const v1::ReservationRequest& request,
                                          CallContext call);
Task<v1::Reservation> return_stock(const Deps& deps, const v1::ReservationRequest& request,
                                   CallContext call);
Task<v1::WaitlistEntry> join_waitlist(const Deps& deps, const v1::WaitlistRequest& request,
                                      CallContext call);
Task<google::protobuf::Empty> leave_waitlist(const Deps& deps, const v1::WaitlistRequest& request,
                                             CallContext call);

}  // namespace shop::product::api
