-- Stock per product and the reservations orders hold on it.
-- available = on_hand - reserved, never negative: the CHECK is the last line of defence
-- behind the conditional UPDATEs that reserve.
CREATE TABLE inventory (
  product_id           uuid PRIMARY KEY REFERENCES products (id),
  on_hand              bigint NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved             bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0 AND reserved <= on_hand),
  low_stock_threshold  bigint NOT NULL DEFAULT 5 CHECK (low_stock_threshold >= 0),
  updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE reservations (
  order_id    text PRIMARY KEY,
  status      text NOT NULL CHECK (status IN ('reserved', 'committed', 'released', 'expired')),
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reservations_expiring ON reservations (expires_at) WHERE status = 'reserved';

CREATE TABLE reservation_items (
  order_id          text NOT NULL REFERENCES reservations (order_id),
  product_id        uuid NOT NULL REFERENCES products (id),
  quantity          bigint NOT NULL CHECK (quantity > 0),
  unit_price_cents  bigint NOT NULL,
  currency          char(3) NOT NULL,
  name              text NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

-- "Tell me when it is back": one row per customer and product until it is served.
CREATE TABLE waitlist (
  product_id  uuid NOT NULL REFERENCES products (id),
  user_id     uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (product_id, user_id)
);
