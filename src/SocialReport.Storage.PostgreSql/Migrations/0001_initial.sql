-- Everything LiteDB keeps, as tables. Keys compare byte-wise (COLLATE "C"): chat ids are case-sensitive and must
-- sort the same on every server whatever its locale. Times are UTC instants (timestamptz).

CREATE TABLE editions (
    id text COLLATE "C" PRIMARY KEY,
    date date NOT NULL,
    title text NOT NULL,
    language text NOT NULL,
    stories integer NOT NULL,
    revision integer NOT NULL,
    hash text NOT NULL,
    published_at timestamptz NOT NULL,
    first_published_at timestamptz NOT NULL
);
CREATE INDEX editions_newest ON editions (date DESC, id DESC);

-- Every revision's content: the archive's JSON as written (text, not jsonb, so that its hash stays its hash).
CREATE TABLE edition_revisions (
    edition_id text COLLATE "C" NOT NULL,
    revision integer NOT NULL,
    hash text NOT NULL,
    published_at timestamptz NOT NULL,
    content text NOT NULL,
    PRIMARY KEY (edition_id, revision)
);

CREATE TABLE chats (
    channel text COLLATE "C" NOT NULL,
    chat_id text COLLATE "C" NOT NULL,
    kind text NOT NULL,
    title text,
    language text NOT NULL,
    state text NOT NULL,
    subscribed_at timestamptz,
    subscribed_via text,
    updated_at timestamptz NOT NULL,
    address text,
    PRIMARY KEY (channel, chat_id)
);
-- A channel's chats in one state are a contiguous range, in id order: the audience of a broadcast.
CREATE INDEX chats_slot ON chats (channel, state, chat_id);

-- Updates kept until handled; a completed one keeps its key (not its body) a while, so that a repeat, on any
-- host, is recognised by the primary key.
CREATE TABLE inbox (
    source text COLLATE "C" NOT NULL,
    id text COLLATE "C" NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    pending boolean NOT NULL,
    body text,
    replays integer NOT NULL DEFAULT 0,
    PRIMARY KEY (source, id)
);
CREATE INDEX inbox_pending ON inbox (source, seq) WHERE pending;
CREATE INDEX inbox_seq ON inbox (seq);

CREATE TABLE broadcast_requests (
    chat text COLLATE "C" PRIMARY KEY,
    edition_id text NOT NULL,
    force boolean NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE TABLE delivery_broadcasts (
    id text COLLATE "C" PRIMARY KEY,
    edition_id text COLLATE "C" NOT NULL,
    number integer NOT NULL,
    force boolean NOT NULL,
    mode text NOT NULL,
    requested_by text NOT NULL,
    created_at timestamptz NOT NULL,
    state text NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    schedule_id text,
    throttled integer NOT NULL DEFAULT 0,
    final_pending integer,
    final_sent integer,
    final_failed integer,
    final_blocked integer,
    final_gone integer,
    final_skipped integer,
    UNIQUE (edition_id, number)
);
-- At most one unfinished broadcast per edition, whichever host creates it.
CREATE UNIQUE INDEX delivery_broadcasts_unfinished ON delivery_broadcasts (edition_id) WHERE state IN ('Preparing', 'Running');
CREATE INDEX delivery_broadcasts_created ON delivery_broadcasts (created_at DESC);

CREATE TABLE delivery_rows (
    broadcast_id text COLLATE "C" NOT NULL,
    channel text COLLATE "C" NOT NULL,
    chat_id text COLLATE "C" NOT NULL,
    state text NOT NULL,
    attempts integer NOT NULL,
    last_error text,
    message_id text,
    next_attempt_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (broadcast_id, channel, chat_id)
);
-- Due rows of a channel, earliest first: a range scan, never a sort.
CREATE INDEX delivery_rows_due ON delivery_rows (broadcast_id, channel, next_attempt_at, chat_id) WHERE state = 'Pending';
CREATE INDEX delivery_rows_state ON delivery_rows (broadcast_id, state);

CREATE TABLE delivery_schedules (
    id text COLLATE "C" PRIMARY KEY,
    edition_id text NOT NULL,
    due_at timestamptz NOT NULL,
    requested_by text NOT NULL,
    force boolean NOT NULL,
    state text NOT NULL,
    created_at timestamptz NOT NULL,
    broadcast_id text,
    reason text
);
CREATE INDEX delivery_schedules_pending ON delivery_schedules (due_at) WHERE state = 'Pending';
