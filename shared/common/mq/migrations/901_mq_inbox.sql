-- The inbox of shop_common_mq (shared/common/mq/inbox.hpp): one row per event a consumer
-- has processed, written in the same transaction as the consumer's own changes, so a
-- redelivered event is recognised and skipped.
CREATE TABLE mq_inbox (
  consumer     text NOT NULL,
  event_id     uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
