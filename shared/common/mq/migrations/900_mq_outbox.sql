-- The transactional outbox of shop_common_mq (shared/common/mq/outbox.hpp): events
-- written in the same transaction as the change they describe, then published by the
-- relay (outbox_relay.hpp), which sets published_at once the broker has confirmed them.
CREATE TABLE mq_outbox (
  position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- write order
  event_id       uuid NOT NULL UNIQUE,
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  sequence       bigint NOT NULL CHECK (sequence >= 1),
  event_type     text NOT NULL,
  payload        jsonb NOT NULL,  -- the whole CloudEvent, as published
  traceparent    text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz,
  UNIQUE (aggregate_type, aggregate_id, sequence)
);

-- What the relay looks for, and what the retention deletes.
CREATE INDEX mq_outbox_unpublished ON mq_outbox (position) WHERE published_at IS NULL;
CREATE INDEX mq_outbox_published_at ON mq_outbox (published_at) WHERE published_at IS NOT NULL;

-- The last sequence number per aggregate. Its row stays locked by the writer until
-- commit, so numbers of one aggregate follow commit order without gaps.
CREATE TABLE mq_outbox_sequence (
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  last_sequence  bigint NOT NULL,
  PRIMARY KEY (aggregate_type, aggregate_id)
);

-- Wakes the relays (LISTEN shop_mq_outbox) when the writer's transaction commits;
-- PostgreSQL delivers notifications only then, and never for a rollback.
CREATE FUNCTION mq_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('shop_mq_outbox', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER mq_outbox_inserted AFTER INSERT ON mq_outbox
  FOR EACH STATEMENT EXECUTE FUNCTION mq_outbox_notify();
