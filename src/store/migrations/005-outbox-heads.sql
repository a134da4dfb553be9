-- The sender looks at the outbox many times a second while a fan-out drains. Each look must
-- cost what it returns, not the queue's length: the next rows in send order, each chat's
-- head found by a lookup, and expiries and wake-up times read from their own indexes.
DROP INDEX outbox_pending;
DROP INDEX outbox_chat;
CREATE INDEX outbox_send_order ON outbox (state, priority, id, not_before);
CREATE INDEX outbox_chat_head ON outbox (chat_id, state, priority, id, not_before);
CREATE INDEX outbox_expiry ON outbox (state, expires_at);
CREATE INDEX outbox_wake ON outbox (state, not_before);
