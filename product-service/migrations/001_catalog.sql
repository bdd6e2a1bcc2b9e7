-- Catalog: nested categories and products. Deleting a product is soft (deleted_at):
-- orders and events keep pointing at it, readers see 404.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  parent_id   uuid REFERENCES categories (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX categories_name_per_parent
  ON categories (COALESCE(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

CREATE TABLE products (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sku          text NOT NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description  text NOT NULL DEFAULT '',
  price_cents  bigint NOT NULL CHECK (price_cents >= 0),
  currency     char(3) NOT NULL,
  category_id  uuid REFERENCES categories (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz,
  -- The database's own search, used when the search server cannot answer.
  search       tsvector GENERATED ALWAYS AS (
                 setweight(to_tsvector('english', name), 'A') ||
                 setweight(to_tsvector('english', sku), 'A') ||
                 setweight(to_tsvector('english', description), 'B')) STORED
);
-- A SKU names one live product; a deleted product's SKU may be reused.
CREATE UNIQUE INDEX products_live_sku ON products (sku) WHERE deleted_at IS NULL;
CREATE INDEX products_category ON products (category_id) WHERE deleted_at IS NULL;
CREATE INDEX products_created ON products (created_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX products_price ON products (price_cents, id) WHERE deleted_at IS NULL;
CREATE INDEX products_search ON products USING gin (search);
CREATE INDEX products_name_trigram ON products USING gin (name gin_trgm_ops);
