#include "repository/outbox_adapter.hpp"

#include "common/mq/outbox.hpp"

namespace shop::product::repository {
namespace {

class MqEventOutbox final : public EventOutbox {
 public:
  // EventOutbox
  Task<void> append(common::db::Connection& transaction, const models::DomainEvent& event,
                    const WriteContext& context) override {
    common::mq::NewEvent outgoing{event.aggregate_type, event.subject, event.type, event.data,
                                  context.trace};
    auto enqueued = co_await outbox_.enqueue(transaction, std::move(outgoing));
    if (!enqueued) co_return enqueued.error();
    co_return common::Result<void>{};
  }

 private:
  common::mq::Outbox outbox_{kEventSource};
};

}  // namespace

std::shared_ptr<EventOutbox> make_event_outbox() { return std::make_shared<MqEventOutbox>(); }

}  // namespace shop::product::repository
