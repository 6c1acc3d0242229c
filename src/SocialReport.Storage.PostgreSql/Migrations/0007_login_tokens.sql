-- The web console's one-time sign-in tokens (/login): only their SHA-256 (hex), the editor ("telegram:12345") and
-- when they expire; taken (deleted) when used, expired ones deleted when a new one is issued.
CREATE TABLE login_tokens (
    hash text PRIMARY KEY,
    editor text NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX login_tokens_expires ON login_tokens (expires_at);
