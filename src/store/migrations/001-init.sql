-- Chats the bot has talked to; `active` is cleared when a chat blocks the bot (403) and
-- `migrated_to` set when a group became a supergroup.
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
-- `state`: pending | sent | failed | unknown (sent, but the outcome was never seen).
CREATE TABLE outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id     INTEGER NOT NULL,
    thread_id   INTEGER,
    reply_to    INTEGER,
    priority    INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending',
    attempts    INTEGER NOT NULL DEFAULT 0,
    not_before  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    message_id  INTEGER,
    last_error  TEXT
);
CREATE INDEX outbox_pending ON outbox (state, priority, not_before, id);
