-- Which host sends a broadcast: the holder of its lease, renewed while it sends, taken over once expired.
CREATE TABLE broadcast_leases (
    broadcast_id text COLLATE "C" PRIMARY KEY,
    holder text NOT NULL,
    expires_at timestamptz NOT NULL
);
