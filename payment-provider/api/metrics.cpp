#include "api/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <string>

#include "common/observability/metrics.hpp"

namespace shop::payment::api {
namespace {

prometheus::Family<prometheus::Counter>& charge_counters() {
  static auto& family = prometheus::BuildCounter()
                            .Name("shop_payment_provider_charges_total")
                            .Help("Charges attempted at the payment provider, by outcome")
                            .Register(common::obs::Metrics::instance().registry());
  return family;
}

}  // namespace

void count_charge(models::ChargeOutcome outcome) {
  charge_counters().Add({{"outcome", std::string(models::outcome_label(outcome))}}).Increment();
}

}  // namespace shop::payment::api
