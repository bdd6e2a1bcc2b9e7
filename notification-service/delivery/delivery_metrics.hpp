#pragma once
// notification-service's delivery metrics, declared here and nowhere else:
//   shop_notification_attempts_total{channel, outcome}   outcome: delivered, retry,
//                                                        given_up, gone
//   shop_notification_attempt_seconds{channel}           how long attempts take

#include <chrono>
#include <string_view>

#include "delivery/channel.hpp"

namespace shop::notification::delivery {

void record_attempt_metrics(std::string_view channel, Verdict verdict,
                            std::chrono::milliseconds duration);

}  // namespace shop::notification::delivery
