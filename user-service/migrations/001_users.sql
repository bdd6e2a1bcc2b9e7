CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL DEFAULT '{customer}',
  shipping_address jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Emails are stored normalized (trimmed, lowercase), so this is case-insensitive.
  CONSTRAINT users_email_key UNIQUE (email)
);

-- Refresh tokens rotate: each use marks the token used and issues its successor in the
-- same family. Presenting a used token again means it leaked, so the family is revoked.
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Ed25519 signing keys. Exactly one is active (signs); the others still verify until
-- their tokens expire.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  secret_key text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (active) WHERE active;
