-- Which sent message answers which remembered question: a reply to an older answer follows
-- up that answer's question, not the chat's latest one.
CREATE TABLE answer_message (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    question_id INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX answer_message_question ON answer_message (question_id);
