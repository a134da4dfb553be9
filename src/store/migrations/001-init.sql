-- Chats the bot has talked to. `active` is cleared when a chat refuses the bot (403: blocked,
-- kicked, deactivated) and set again when the chat writes to the bot; `migrated_to` is set
-- when a group became a supergroup. Producers (reminders) skip chats that are not active.
CREATE TABLE chat (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    language    TEXT,
    active      INTEGER NOT NULL DEFAULT 1,
    migrated_to INTEGER,
    updated_at  INTEGER NOT NULL
);

-- Every message the bot sends is a row here first; one sender drains it within Telegram's
-- limits. `payload` is JSON decided by the delivery layer (the message model, or a file).
-- `priority`: 0 button answers, 1 replies to people, 2 broadcasts (reminders, announcements).
-- `state`: pending | sending (a request is under way) | sent | failed | expired | unknown
-- (a request was made but its outcome never seen: not repeated, to avoid a duplicate).
-- `parts_sent`: a long message goes out in parts; a retry continues after the last one sent.
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL,
    thread_id   INTEGER,
    reply_to    INTEGER,
    priority    INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0,
    parts_sent  INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    message_id  INTEGER,
    last_error  TEXT
);
CREATE INDEX outbox_pending ON outbox (state, priority, not_before, id);
CREATE INDEX outbox_chat ON outbox (chat_id, state);

-- Updates fetched from Telegram, stored (with the next offset) before the next getUpdates
-- confirms them, so a crash loses none; `update_id` as the key answers a redelivered update
-- once. `chat_key` orders the work: updates of one chat are handled one after another.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_key    INTEGER NOT NULL,
    body        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_pending ON inbox (done, chat_key, update_id);

-- Small named values that outlive a restart: the getUpdates offset, question counts.
CREATE TABLE counter (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- The questions behind buttons. AUTOINCREMENT: an id is never reused, even after the newest
-- rows were deleted, so an old button can never show another question's answer.
CREATE TABLE button_question (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL,
    question    TEXT NOT NULL,
    suggestions TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
