-- Canary broadcasts (a share of the audience first, then /confirm), recalls (/recall deletes what a broadcast sent)
-- and the taps and opens of each story a broadcast sent.
ALTER TABLE delivery_broadcasts ADD COLUMN canary_percent integer;
ALTER TABLE delivery_broadcasts ADD COLUMN canary_confirmed boolean NOT NULL DEFAULT false;
ALTER TABLE delivery_broadcasts ADD COLUMN recall text NOT NULL DEFAULT 'None';
-- A canary waiting for /confirm is unfinished too: still at most one per edition.
DROP INDEX delivery_broadcasts_unfinished;
CREATE UNIQUE INDEX delivery_broadcasts_unfinished ON delivery_broadcasts (edition_id) WHERE state IN ('Preparing', 'Running', 'CanaryDone');
CREATE INDEX delivery_broadcasts_recalling ON delivery_broadcasts (created_at) WHERE recall = 'Running';
ALTER TABLE delivery_rows ADD COLUMN message_ids text[];
ALTER TABLE delivery_rows ADD COLUMN recall text;
ALTER TABLE delivery_rows ADD COLUMN recall_error text;
ALTER TABLE broadcast_requests ADD COLUMN canary_percent integer;
-- Counts only: which reader tapped is not kept.
CREATE TABLE story_counts (
    broadcast_id text COLLATE "C" NOT NULL,
    story integer NOT NULL,
    taps integer NOT NULL DEFAULT 0,
    opens integer NOT NULL DEFAULT 0,
    PRIMARY KEY (broadcast_id, story)
);
