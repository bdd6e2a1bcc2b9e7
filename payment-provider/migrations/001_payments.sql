-- Tokenized cards. The provider keeps the full number (it is the provider); the
-- security code is checked at tokenization and never stored.
CREATE TABLE payment_methods (
  id text PRIMARY KEY,
  card_number text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  created bigint NOT NULL  -- unix seconds, as the API shows it
);

CREATE TABLE charges (
  id text PRIMARY KEY,
  position bigint GENERATED ALWAYS AS IDENTITY,  -- creation order, for lists
  payment_method text NOT NULL REFERENCES payment_methods (id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  description text,
  metadata jsonb NOT NULL DEFAULT '{}',
  failure_code text,
  failure_message text,
  decline_code text,
  -- The last guard against refunding more than was charged.
  amount_refunded bigint NOT NULL DEFAULT 0 CHECK (amount_refunded BETWEEN 0 AND amount),
  created bigint NOT NULL
);
CREATE INDEX charges_order_id_idx ON charges ((metadata ->> 'order_id'), position);

CREATE TABLE refunds (
  id text PRIMARY KEY,
  charge text NOT NULL REFERENCES charges (id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  created bigint NOT NULL
);
CREATE INDEX refunds_charge_idx ON refunds (charge);

-- One row per (API key, Idempotency-Key): the first request's fingerprint, whether a
-- request holds the key (until in_flight_until), and the final answer once there is one.
-- Rows older than 24 hours count as absent and are purged.
CREATE TABLE idempotency_keys (
  account text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  holder text NOT NULL,
  in_flight_until timestamptz,
  response_status integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
