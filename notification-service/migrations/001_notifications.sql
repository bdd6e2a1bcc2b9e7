-- notification-service's own database: whom to tell, what was sent, and the events it
-- has seen (for stale detection and replays).

-- Contact details, kept from user.registered so a delivery never waits on user-service.
CREATE TABLE contacts (
  user_id    uuid PRIMARY KEY,
  email      text NOT NULL,
  name       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The highest sequence seen per aggregate (CloudEvents source + subject): an event at
-- or below it is stale and changes nothing.
CREATE TABLE aggregate_positions (
  source        text NOT NULL,
  subject       text NOT NULL,
  last_sequence bigint NOT NULL,
  PRIMARY KEY (source, subject)
);

-- Every event on the bus, as published, for POST /api/v1/admin/events/replay.
CREATE TABLE event_archive (
  event_id   uuid PRIMARY KEY,
  event_type text NOT NULL,
  event_time timestamptz NOT NULL,
  payload    text NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_archive_time ON event_archive (event_time);

CREATE TABLE webhooks (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id             uuid NOT NULL,
  owner_is_admin       boolean NOT NULL,  -- an admin's webhook hears about every user
  url                  text NOT NULL,
  event_types          text[] NOT NULL,
  secret               text NOT NULL,
  enabled              boolean NOT NULL DEFAULT true,
  disabled_reason      text NOT NULL DEFAULT '',
  consecutive_failures integer NOT NULL DEFAULT 0,
  deleted              boolean NOT NULL DEFAULT false,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_by_owner ON webhooks (owner_id) WHERE NOT deleted;

CREATE TABLE push_subscriptions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL,
  endpoint   text NOT NULL UNIQUE,
  p256dh     text NOT NULL,
  auth       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_by_user ON push_subscriptions (user_id);

-- One row per message to send on one channel: written in the same transaction as the
-- inbox row of the event that caused it, then sent by the channel's worker. The unique
-- key makes a second planning of the same event a no-op.
CREATE TABLE deliveries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid,             -- whose notification it is (the webhook's owner)
  channel         text NOT NULL CHECK (channel IN ('email', 'push', 'webhook')),
  target          text NOT NULL,    -- email address, push subscription id, webhook id
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  template        text NOT NULL DEFAULT '',
  order_id        text NOT NULL DEFAULT '',
  subject         text NOT NULL DEFAULT '',
  body            text NOT NULL,    -- the mail text, the push payload, the webhook body
  html            text NOT NULL DEFAULT '',
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  UNIQUE (event_id, channel, target)
);
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_by_user ON deliveries (user_id, created_at DESC);
CREATE INDEX deliveries_by_target ON deliveries (target, created_at DESC) WHERE channel = 'webhook';

CREATE TABLE delivery_attempts (
  delivery_id  uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  status_code  integer NOT NULL DEFAULT 0,
  error        text NOT NULL DEFAULT '',
  duration_ms  bigint NOT NULL DEFAULT 0,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (delivery_id, attempt)
);


-- The VAPID key pair, made by the first replica to start unless VAPID_PRIVATE_KEY is set.
CREATE TABLE vapid_keys (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  private_key text NOT NULL
);
