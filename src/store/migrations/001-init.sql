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
