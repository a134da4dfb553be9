-- Which chats receive reminders of which organization ('*' = all). `active` is cleared when
-- the chat blocks the bot (403); `language` is the interface language of whoever subscribed.
CREATE TABLE subscription (
    chat_id      INTEGER NOT NULL,
    organization TEXT NOT NULL,
    language     TEXT,
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (chat_id, organization)
);

-- A chat's own lead times (`/remind 7d 1d 2h`), in seconds, comma-separated.
CREATE TABLE reminder_leads (
    chat_id    INTEGER PRIMARY KEY,
    leads      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- The exactly-once ledger: one row per (meeting occurrence, lead, chat), written in the same
-- transaction as the outbox row it caused. `meeting` is `id@start` (Unix seconds), so a moved
-- meeting gets reminders for its new time. `outcome`: sent (an outbox row exists) or skipped
-- (superseded by a later lead during catch-up).
CREATE TABLE reminder_ledger (
    meeting    TEXT NOT NULL,
    lead       INTEGER NOT NULL,
    chat_id    INTEGER NOT NULL,
    outcome    TEXT NOT NULL,
    outbox_id  INTEGER,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (meeting, lead, chat_id)
);

-- The meetings as last seen by the scheduler, to announce what a reload changed.
-- `fingerprint` is the JSON of the announced fields (date, time, zone, place, status, title).
CREATE TABLE meeting_snapshot (
    id          TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL
);
-- One row once the first knowledge has been recorded: the first load announces nothing.
CREATE TABLE meeting_snapshot_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    taken_at INTEGER NOT NULL
);
